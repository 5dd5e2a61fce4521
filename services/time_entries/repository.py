"""Time entries in the database: stored with their Harvest copy queued, read back per ticket."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import insert, select, update

from services.db.database import Database
from services.db.receipts import stamp
from services.db.schema import tickets, time_entries
from services.profile import Profile
from services.time_entries.model import NewTimeEntry, TimeEntry, TimesheetOutbound

_COLUMNS = (
    "ticket_id",
    "person_id",
    "minutes",
    "spent_date",
    "note",
    "created_at",
)
_SELECT = select(time_entries, tickets.c.number.label("ticket_number")).join(
    tickets, tickets.c.id == time_entries.c.ticket_id
)


def _entry(row: Any) -> TimeEntry:
    names = ("id", "profile", "ticket_number", "harvest_id", *_COLUMNS)
    return TimeEntry(**{name: row[name] for name in names})


class TimeEntryRepository:
    """The desk's time entries; `outbound` queues each one's copy for Harvest when it is on."""

    def __init__(
        self, db: Database, profile: Profile, outbound: TimesheetOutbound | None = None
    ) -> None:
        self._db, self._profile, self._outbound = db, profile, outbound

    @property
    def sends(self) -> bool:
        """Whether entries also go to an outside timesheet (Harvest is on)."""
        return self._outbound is not None

    async def add(self, new: NewTimeEntry) -> TimeEntry:
        """Store an entry and queue its copy, in one transaction (a Teams retry adds none)."""
        values = {name: asdict(new)[name] for name in _COLUMNS}
        async with self._db.engine.begin() as connection:
            await stamp(connection)  # first: a copy of this turn must not log the time twice
            result = await connection.execute(
                insert(time_entries).values(**values, profile=self._profile.name)
            )
            entry = TimeEntry(
                **asdict(new), id=result.inserted_primary_key[0], profile=self._profile.name
            )
            if self._outbound is not None:
                await self._outbound.logged(connection, entry)
        return entry

    async def get(self, entry_id: int) -> TimeEntry | None:
        """One entry by id."""
        async with self._db.engine.connect() as connection:
            row = (
                (await connection.execute(_SELECT.where(time_entries.c.id == entry_id)))
                .mappings()
                .first()
            )
        return _entry(row) if row else None

    async def of_ticket(self, ticket_id: int) -> list[TimeEntry]:
        """A ticket's entries, oldest first."""
        query = _SELECT.where(time_entries.c.ticket_id == ticket_id).order_by(time_entries.c.id)
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [_entry(row) for row in rows]

    async def sent(self, entry_id: int, harvest_id: str) -> None:
        """Harvest made the entry's copy: keep its id, so a retry never makes a second."""
        async with self._db.engine.begin() as connection:
            await connection.execute(
                update(time_entries)
                .where(time_entries.c.id == entry_id)
                .values(harvest_id=harvest_id)
            )
