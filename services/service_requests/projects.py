"""The project-system port: what the service process needs of wherever projects live.

BestPack's projects live in NetSuite. EmbeddedProjectSystem is the default on the local
database, so everything works with no credentials. NetSuiteProjectSystem (services.sync.netsuite)
takes the same Protocol: its project is queued with the approval (ProjectOutbound, in the
approval's transaction) and created by the sync worker, so its number comes later and a card
never waits on NetSuite. services.app_services picks one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.engines import SQLITE_BEGIN
from services.db.schema import service_projects
from services.service_requests.model import ServiceRequest

NAME_LIMIT = 255  # service_projects.name


@dataclass(frozen=True)
class ProjectOrder:
    """What a project system needs to open a project for a service request."""

    request_number: str
    name: str
    opened_on: date  # the team's local date; the embedded numbers count per year of it
    start_date: date
    end_date: date
    billable: bool
    done_by: str
    scope: str


@dataclass(frozen=True)
class Project:
    """A project as the project system numbers it; `number` is None while an outside system
    is still creating it (the number is stored on the request when it arrives)."""

    number: str | None
    request_number: str
    created_at: datetime


class ProjectSystem(Protocol):
    """What the service process asks of the project system: a project for approved work.

    Creating one is idempotent per request: a retry, or a second approver racing the first,
    gets the project the first call made.
    """

    async def create_project(self, order: ProjectOrder, now: datetime) -> Project:
        """The project for `order`, created on the first call and returned again after."""
        ...


class ProjectOutbound(Protocol):
    """Queues the creation of a request's project in an outside system, inside the transaction
    that approves the request (services.sync.projects implements it), so the approval and the
    creation commit or roll back together. With the embedded project system there is none."""

    async def approved(self, connection: AsyncConnection, request: ServiceRequest) -> None:
        """Queue the project of `request`, approved (or billable) in this transaction."""
        ...


class EmbeddedProjectSystem:
    """The local database as the project system: projects numbered PRJ-<year>-<0001…>."""

    prefix = "PRJ"

    def __init__(self, db: Database) -> None:
        self._db = db

    async def create_project(self, order: ProjectOrder, now: datetime) -> Project:
        """Number the request's project: the next in its year, or the one it already has."""
        year = order.opened_on.year
        # Bounded: each lost race means another request took a number; retrying takes the next.
        for _ in range(20):
            existing = await self.find(order.request_number)
            if existing is not None:
                return existing
            try:
                await self._insert(order, year, now)
            except IntegrityError:
                continue
        found = await self.find(order.request_number)
        if found is None:
            raise RuntimeError(f"could not number a project for {order.request_number}")
        return found

    async def _insert(self, order: ProjectOrder, year: int, now: datetime) -> None:
        async with self._db.engine.connect() as connection:
            if self._db.dialect == "sqlite":
                # Take the write lock before reading the last number: a deferred transaction
                # would fail with "database is locked" when two of them upgrade at once.
                await connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
            async with connection.begin():
                taken = await connection.scalar(
                    select(func.coalesce(func.max(service_projects.c.seq), 0)).where(
                        service_projects.c.year == year
                    )
                )
                seq = int(taken or 0) + 1
                await connection.execute(
                    insert(service_projects).values(
                        number=f"{self.prefix}-{year}-{seq:04d}",
                        year=year,
                        seq=seq,
                        request_number=order.request_number,
                        name=order.name[:NAME_LIMIT],
                        created_at=now,
                    )
                )

    async def find(self, request_number: str) -> Project | None:
        """The project made for a request, if any."""
        query = select(service_projects).where(service_projects.c.request_number == request_number)
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        if row is None:
            return None
        return Project(row["number"], row["request_number"], row["created_at"])
