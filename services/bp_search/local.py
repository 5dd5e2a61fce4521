"""What the bot's own tables know of a machine or a customer: its tickets and service visits.

Tickets name a machine by serial number and a customer by company name, as typed at intake;
both are matched case-insensitively. Only the desk's own profile's records are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from services.bp_search.model import CLOSED_SHOWN, TicketHistory, TicketLine, Visit
from services.db.database import Database
from services.db.schema import service_requests, ticket_events, tickets
from services.profile import Profile
from services.service_requests import RequestStatus
from services.tickets import EventKind, TicketStatus
from services.tickets.queues import in_roles
from services.tickets.statuses import DONE, OPEN

OPEN_SHOWN = 10  # open tickets listed; a machine rarely has more than one or two

_resolution = (
    select(ticket_events.c.body)
    .where(ticket_events.c.ticket_id == tickets.c.id, ticket_events.c.kind == EventKind.RESOLVED)
    .order_by(ticket_events.c.id.desc())
    .limit(1)
    .scalar_subquery()
)
_LINE = (
    tickets.c.number,
    tickets.c.subject,
    tickets.c.substatus,
    tickets.c.created_at,
    tickets.c.issue_type,
    tickets.c.resolved_at,
)


@dataclass(frozen=True)
class KnownMachine:
    """A serial as the latest ticket on it describes it: for when the installed base is down."""

    serial: str
    model: str | None
    company: str | None
    seen_at: datetime


def _line(row: Any, resolution: str | None = None) -> TicketLine:
    return TicketLine(
        number=row.number,
        subject=row.subject,
        status=TicketStatus(row.substatus),
        opened_at=row.created_at,
        issue_type=row.issue_type,
        resolved_at=row.resolved_at,
        resolution=resolution,
    )


class LocalRecords:
    """Reads of the tickets and service_requests tables for BP Search."""

    def __init__(self, db: Database, profile: Profile) -> None:
        self._db = db
        self._profile = profile

    def on_serial(self, serial: str, ref: str | None = None) -> ColumnElement[bool]:
        """This desk's tickets on the machine with this serial (or, filed with BP Search's
        pick, this installed-base ref)."""
        typed = func.upper(tickets.c.serial_number) == serial.strip().upper()
        which = or_(typed, tickets.c.machine_ref == ref) if ref else typed
        return and_(tickets.c.profile == self._profile.name, which)

    def at_company(self, name: str, ref: str | None = None) -> ColumnElement[bool]:
        """This desk's tickets for the customer of this name (or installed-base ref)."""
        typed = func.lower(tickets.c.company) == name.strip().lower()
        which = or_(typed, tickets.c.customer_ref == ref) if ref else typed
        return and_(tickets.c.profile == self._profile.name, which)

    async def history(self, which: ColumnElement[bool]) -> TicketHistory:
        """Every open ticket (newest first, at most OPEN_SHOWN) and the last closed ones."""
        opened = (select(*_LINE).where(which, in_roles(OPEN)).order_by(tickets.c.id.desc())).limit(
            OPEN_SHOWN
        )
        done = func.coalesce(tickets.c.resolved_at, tickets.c.closed_at, tickets.c.updated_at)
        closed = (
            select(*_LINE, _resolution.label("resolution"))
            .where(which, in_roles(DONE))
            .order_by(done.desc(), tickets.c.id.desc())
            .limit(CLOSED_SHOWN)
        )
        total = select(func.count()).select_from(tickets).where(which, in_roles(DONE))
        async with self._db.engine.connect() as connection:
            open_rows = (await connection.execute(opened)).all()
            closed_rows = (await connection.execute(closed)).all()
            closed_total = int(await connection.scalar(total) or 0)
        return TicketHistory(
            open=tuple(_line(row) for row in open_rows),
            closed=tuple(_line(row, row.resolution) for row in closed_rows),
            closed_total=closed_total,
        )

    async def since(self, which: ColumnElement[bool], start: datetime) -> list[TicketLine]:
        """The tickets opened from `start` on, oldest first."""
        query = select(*_LINE).where(which, tickets.c.created_at >= start).order_by(tickets.c.id)
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        return [_line(row) for row in rows]

    async def last_visit(self, which: ColumnElement[bool]) -> Visit | None:
        """The latest scheduled service visit on a ticket of these."""
        query = (
            select(service_requests)
            .join(tickets, tickets.c.number == service_requests.c.ticket_number)
            .where(
                which,
                service_requests.c.profile == self._profile.name,
                service_requests.c.status == RequestStatus.SCHEDULED,
            )
            .order_by(service_requests.c.start_date.desc(), service_requests.c.id.desc())
            .limit(1)
        )
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).first()
        if row is None:
            return None
        return Visit(
            row.number, row.start_date, row.end_date, row.site, row.status, row.project_number
        )

    async def known_company(self, name: str) -> tuple[str, datetime] | None:
        """The company name as the latest ticket for it spells it, and when that ticket moved."""
        query = (
            select(tickets.c.company, tickets.c.updated_at)
            .where(self.at_company(name))
            .order_by(tickets.c.id.desc())
            .limit(1)
        )
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).first()
        return (row.company, row.updated_at) if row is not None else None

    async def known_machine(self, serial: str) -> KnownMachine | None:
        """The serial as its latest ticket here describes it, if any ticket names it."""
        query = (
            select(
                tickets.c.serial_number,
                tickets.c.machine_model,
                tickets.c.company,
                tickets.c.updated_at,
            )
            .where(self.on_serial(serial))
            .order_by(tickets.c.id.desc())
            .limit(1)
        )
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).first()
        if row is None:
            return None
        return KnownMachine(row.serial_number, row.machine_model, row.company, row.updated_at)
