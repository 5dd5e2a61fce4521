"""What a system of record told the bot: each webhook event applied once, the catch-up's
cursor, the lease that lets one replica at a time read it, and what applying a record did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from services.db.database import Database
from services.db.schema import sync_cursors, sync_events
from services.tickets.model import Ticket, TicketEvent

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


@dataclass(frozen=True)
class Synced:
    """What applying a system of record's side of a ticket did: the ticket as saved, as it was
    before (None: just filed), and the events written (what Teams should hear of)."""

    ticket: Ticket
    before: Ticket | None
    events: tuple[TicketEvent, ...] = ()

    @property
    def filed(self) -> bool:
        """The ticket came in through the system of record and is new to the desk."""
        return self.before is None


class SeenEvents:
    """Webhook events by id: the first delivery is applied, a repeat is not."""

    def __init__(self, db: Database, system: str) -> None:
        self._db, self._system = db, system

    async def first_time(self, event_id: str, record_id: str, now: datetime) -> bool:
        """Remember the event; True only for the one delivery that remembers it first."""
        statement = (
            _INSERT[self._db.dialect](sync_events)
            .values(system=self._system, event_id=event_id, record_id=record_id, received_at=now)
            .on_conflict_do_nothing(index_elements=["system", "event_id"])
            .returning(sync_events.c.event_id)
        )
        async with self._db.engine.begin() as connection:
            return await connection.scalar(statement) is not None

    async def forget(self, event_id: str) -> None:
        """Applying it failed: the sender's retry of the event must be applied."""
        async with self._db.engine.begin() as connection:
            await connection.execute(
                delete(sync_events).where(
                    sync_events.c.system == self._system, sync_events.c.event_id == event_id
                )
            )

    async def prune(self, before: datetime, limit: int = 1000) -> int:
        """Forget at most `limit` of the oldest events received before `before`; how many.

        Bounded, so one run never holds a long lock; the catch-up calls it every minute."""
        oldest = (
            select(sync_events.c.event_id)
            .where(sync_events.c.system == self._system, sync_events.c.received_at < before)
            .order_by(sync_events.c.received_at)
            .limit(limit)
            .scalar_subquery()
        )
        statement = delete(sync_events).where(
            sync_events.c.system == self._system, sync_events.c.event_id.in_(oldest)
        )
        async with self._db.engine.begin() as connection:
            return (await connection.execute(statement)).rowcount


class CursorLease:
    """One system's catch-up cursor for one profile, read and moved by its lease holder."""

    def __init__(self, db: Database, system: str, profile: str, runner: str) -> None:
        self._db, self._runner = db, runner
        self._row = (sync_cursors.c.system == system, sync_cursors.c.profile == profile)
        self._key = {"system": system, "profile": profile}

    async def take(self, now: datetime, lease: timedelta) -> bool:
        """Hold the cursor until `now + lease`; False while another replica holds it."""
        async with self._db.engine.begin() as connection:
            await connection.execute(
                _INSERT[self._db.dialect](sync_cursors)
                .values(**self._key, updated_at=now)
                .on_conflict_do_nothing(index_elements=["system", "profile"])
            )
            # Compare-and-set: of two replicas racing here only one updates the row.
            taken = await connection.execute(
                update(sync_cursors)
                .where(
                    *self._row,
                    or_(sync_cursors.c.leased_until.is_(None), sync_cursors.c.leased_until <= now),
                )
                .values(leased_by=self._runner, leased_until=now + lease)
            )
        return taken.rowcount == 1

    async def cursor(self) -> str | None:
        """Where the last run stopped (None: never ran)."""
        async with self._db.engine.connect() as connection:
            return await connection.scalar(select(sync_cursors.c.cursor).where(*self._row))

    async def move(self, cursor: str, now: datetime) -> None:
        """Store how far this run got, while it still holds the lease."""
        async with self._db.engine.begin() as connection:
            await connection.execute(
                update(sync_cursors)
                .where(*self._row, sync_cursors.c.leased_by == self._runner)
                .values(cursor=cursor, updated_at=now)
            )

    async def release(self) -> None:
        """Let the next run, on whichever replica, take it at once."""
        async with self._db.engine.begin() as connection:
            await connection.execute(
                update(sync_cursors)
                .where(*self._row, sync_cursors.c.leased_by == self._runner)
                .values(leased_by=None, leased_until=None)
            )
