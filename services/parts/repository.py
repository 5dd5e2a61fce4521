"""PartsRepository: requests stored once per form, answered once, listed for the parts owner."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import parts_requests
from services.numbers import parse_id
from services.parts.lines import lines_from_json, lines_json
from services.parts.model import (
    FIRST_NUMBER,
    PartsAnswer,
    PartsDraft,
    PartsRequest,
    PartsRuleError,
    RequestStatus,
    RequestType,
)
from services.profile import Profile
from services.tickets.rules import name_of

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_NUMBER = re.compile(r"^\s*#?\s*(?:PQ)?\s*-?\s*(\d{1,12})\s*$", re.IGNORECASE)


def request_id(text: str) -> int | None:
    """'PQ-1001', 'pq 1001' or '1001' → 1 (the row id); None for anything else."""
    match = _NUMBER.match(text or "")
    number = parse_id(match.group(1)) if match else None
    if number is None or number <= FIRST_NUMBER:
        return None
    return number - FIRST_NUMBER


def _from_row(row: Mapping[str, Any]) -> PartsRequest:
    answer = None
    if row["status"] == RequestStatus.ANSWERED:
        answer = PartsAnswer(
            lines=lines_from_json(row["quote_lines"]),
            lead_time=row["lead_time"],
            quote_number=row["quote_number"],
        )
    return PartsRequest(
        id=row["id"],
        profile=row["profile"],
        request_type=RequestType(row["request_type"]),
        quantity=row["quantity"],
        nc_tape_head=row["nc_tape_head"],
        requester_id=row["requester_id"],
        owner_id=row["owner_id"],
        status=RequestStatus(row["status"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        part_number=row["part_number"],
        description=row["description"],
        serial_number=row["serial_number"],
        ticket_number=row["ticket_number"],
        answer=answer,
        answered_by=row["answered_by"],
        answered_at=row["answered_at"],
    )


class PartsRepository:
    """The parts requests of one profile (support process) in the database."""

    def __init__(self, db: Database, profile: Profile) -> None:
        self._db = db
        self._profile = profile

    async def create(
        self,
        draft: PartsDraft,
        requester_id: str,
        owner_id: str,
        form_key: str | None,
        now: datetime,
    ) -> tuple[PartsRequest, bool]:
        """Store a quote or identification request; (existing, False) for a repeated form key."""
        if draft.request_type is RequestType.ORDER_STATUS:
            raise PartsRuleError("An order status is looked up in the order system, not filed.")
        values = {
            "profile": self._profile.name,
            "form_key": form_key,
            "request_type": draft.request_type.value,
            "part_number": draft.part_number,
            "description": draft.description,
            "quantity": draft.quantity,
            "serial_number": draft.serial_number,
            "nc_tape_head": draft.nc_tape_head,
            "ticket_number": draft.ticket_number,
            "requester_id": requester_id,
            "owner_id": owner_id,
            "status": RequestStatus.OPEN.value,
            "created_at": now,
            "updated_at": now,
        }
        statement = _INSERT[self._db.dialect](parts_requests).values(**values)
        if form_key is not None:
            # DO NOTHING rather than catching IntegrityError: any other violation still raises.
            statement = statement.on_conflict_do_nothing(index_elements=["form_key"])
        async with self._db.engine.begin() as connection:
            new_id = await connection.scalar(statement.returning(parts_requests.c.id))
            found = await self._fetch(
                connection,
                parts_requests.c.id == new_id
                if new_id is not None
                else parts_requests.c.form_key == form_key,
            )
        if found is None:
            raise RuntimeError(f"form key {form_key!r} clashed but no request has it")
        return found, new_id is not None

    async def get(self, number: str) -> PartsRequest | None:
        """The request with this number ("PQ-1001"), if any."""
        request_id_ = request_id(number)
        if request_id_ is None:
            return None
        async with self._db.engine.connect() as connection:
            return await self._fetch(connection, parts_requests.c.id == request_id_)

    async def answer(
        self, request: PartsRequest, answer: PartsAnswer, by: str, now: datetime
    ) -> PartsRequest:
        """Record the answer; refused when the request was answered meanwhile (by anyone)."""
        async with self._db.engine.begin() as connection:
            # Compare-and-swap on the status: two owners answering at once cannot both win.
            result = await connection.execute(
                update(parts_requests)
                .where(
                    parts_requests.c.id == request.id,
                    parts_requests.c.status == RequestStatus.OPEN.value,
                )
                .values(
                    status=RequestStatus.ANSWERED.value,
                    updated_at=now,
                    answered_by=by,
                    answered_at=now,
                    quote_lines=lines_json(answer.lines),
                    lead_time=answer.lead_time,
                    quote_number=answer.quote_number,
                )
            )
            current = await self._fetch(connection, parts_requests.c.id == request.id)
        if result.rowcount != 1 or current is None:
            who = name_of(self._profile, current.answered_by or "") if current else "someone"
            raise PartsRuleError(f"{request.number} was already answered by {who}.")
        return current

    async def open_requests(self) -> list[PartsRequest]:
        """The requests waiting for an answer, oldest first."""
        query = (
            select(parts_requests)
            .where(
                parts_requests.c.profile == self._profile.name,
                parts_requests.c.status == RequestStatus.OPEN.value,
            )
            .order_by(parts_requests.c.id)
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [_from_row(row) for row in rows]

    async def _fetch(
        self, connection: AsyncConnection, condition: ColumnElement[bool]
    ) -> PartsRequest | None:
        query = select(parts_requests).where(
            condition, parts_requests.c.profile == self._profile.name
        )
        row = (await connection.execute(query)).mappings().first()
        return _from_row(row) if row is not None else None
