"""ServiceRequestRepository: idempotent filing, optimistic saves, the approval queue, and the
project number an outside project system sends back."""

from __future__ import annotations

import uuid
from dataclasses import fields, replace
from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import service_requests
from services.profile import Profile
from services.service_requests.errors import ServiceRuleError, StaleRequest
from services.service_requests.model import Billing, NoticeVia, RequestStatus, ServiceRequest
from services.service_requests.notices import notice_for
from services.service_requests.projects import ProjectOutbound

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
FIRST_NUMBER = 1000  # added to the row id: the first request is SR-1001
PREFIX = "SR"
_STORED = tuple(f.name for f in fields(ServiceRequest) if f.name not in ("id", "version"))


def request_number(request_id: int) -> str:
    """The number of the request stored under `request_id`."""
    return f"{PREFIX}-{FIRST_NUMBER + request_id}"


def _values(request: ServiceRequest) -> dict[str, Any]:
    values = {name: getattr(request, name) for name in _STORED}
    for name, value in values.items():
        limit = getattr(service_requests.c[name].type, "length", None)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            what = name.replace("_", " ").capitalize()
            raise ServiceRuleError(f"{what} is too long: keep it to {limit} characters.")
    return values


def _from_row(row: Any) -> ServiceRequest:
    values = {f.name: row[f.name] for f in fields(ServiceRequest)}
    values["status"] = RequestStatus(values["status"])
    values["billing"] = Billing(values["billing"])
    values["notice_via"] = NoticeVia(values["notice_via"]) if values["notice_via"] else None
    return ServiceRequest(**values)


class ServiceRequestRepository:
    """The service requests of one profile (support process) in the database."""

    def __init__(
        self, db: Database, profile: Profile, outbound: ProjectOutbound | None = None
    ) -> None:
        """Use `db` for the requests of `profile`; `outbound` queues the project of each request
        approved (or filed billable) for an outside project system, in the same transaction."""
        self._db = db
        self._profile = profile
        self._outbound = outbound

    async def create(
        self, request: ServiceRequest, form_key: str | None
    ) -> tuple[ServiceRequest, bool]:
        """Store a new request; (stored, True), or (the one filed before, False) for a known key.

        The unique form_key makes a double submit or a Teams retry find the first request.
        """
        values = _values(replace(request, form_key=form_key, profile=self._profile.name))
        values["number"] = f"~{uuid.uuid4().hex[:31]}"  # until the row id is known
        statement = _INSERT[self._db.dialect](service_requests).values(**values)
        if form_key is not None:
            statement = statement.on_conflict_do_nothing(index_elements=["form_key"])
        async with self._db.engine.begin() as connection:
            new_id = await connection.scalar(statement.returning(service_requests.c.id))
            if new_id is None:
                existing = await self._fetch(connection, service_requests.c.form_key == form_key)
                if existing is None:
                    raise RuntimeError(f"form key {form_key!r} clashed but no request has it")
                return existing, False
            await connection.execute(
                update(service_requests)
                .where(service_requests.c.id == new_id)
                .values(number=request_number(new_id))
            )
            created = await self._fetch(connection, service_requests.c.id == new_id)
            assert created is not None  # inserted in this very transaction
            await self._approved(connection, created)
        return created, True

    async def get(self, number: str) -> ServiceRequest | None:
        """The profile's request with this number ("SR-1001"), if any."""
        async with self._db.engine.connect() as connection:
            return await self._fetch(connection, service_requests.c.number == number.upper())

    async def save(self, request: ServiceRequest, expected_version: int) -> ServiceRequest:
        """Store `request`; StaleRequest, writing nothing, if its version moved on meanwhile."""
        values = _values(request)
        for fixed in ("number", "profile", "requester_id", "created_at", "form_key"):
            values.pop(fixed)
        if values["project_number"] is None:
            # An outside system's number is written straight to the row when it comes (see
            # project_created); a save read before it arrived must not wipe it.
            values.pop("project_number")
        version = expected_version + 1
        async with self._db.engine.begin() as connection:
            result = await connection.execute(
                update(service_requests)
                .where(
                    service_requests.c.id == request.id,
                    service_requests.c.version == expected_version,
                )
                .values(**values, version=version)
            )
            if result.rowcount != 1:
                raise StaleRequest(request.number, expected_version)
            await self._approved(connection, request)
        return replace(request, version=version)

    async def _approved(self, connection: AsyncConnection, request: ServiceRequest) -> None:
        """Queue the project of a request this transaction approves (or files billable)."""
        if self._outbound is not None and request.status is RequestStatus.APPROVED:
            await self._outbound.approved(connection, request)

    async def project_created(self, number: str, project_number: str) -> ServiceRequest | None:
        """Store the number an outside system gave the request's project, and write the notice
        again with it. Straight to the row, no new version: it is the project's address, not a
        decision anyone made, so an open card does not become stale."""
        async with self._db.engine.begin() as connection:
            condition = service_requests.c.number == number.upper()
            request = await self._fetch(connection, condition)
            if request is None:
                return None
            values: dict[str, Any] = {"project_number": project_number}
            if request.notice is not None:
                values["notice"] = notice_for(self._profile, request, project_number).text
            await connection.execute(
                update(service_requests).where(service_requests.c.id == request.id).values(values)
            )
        return replace(request, **values)

    async def awaiting_approval(self) -> list[ServiceRequest]:
        """Non-billable requests nobody has decided yet, oldest first."""
        query = (
            select(service_requests)
            .where(
                service_requests.c.profile == self._profile.name,
                service_requests.c.status == RequestStatus.AWAITING_APPROVAL.value,
            )
            .order_by(service_requests.c.id)
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [_from_row(row) for row in rows]

    async def _fetch(
        self, connection: AsyncConnection, condition: ColumnElement[bool]
    ) -> ServiceRequest | None:
        query = select(service_requests).where(
            condition, service_requests.c.profile == self._profile.name
        )
        row = (await connection.execute(query)).mappings().first()
        return _from_row(row) if row is not None else None
