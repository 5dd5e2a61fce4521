"""The SLA sweep: find the alerts that have come due and not been sent, then record them sent.

Cost follows the tickets due, not the tickets open: the only query over `tickets` is a range
scan of ix_tickets_profile_next_sla_check_at up to `now`. A sweep is two steps around the
sending. `pending` reads each due ticket's thresholds that have come and are not yet in
sla_alerts; the caller queues every recipient's message in the outbox under a key made of the
ticket, deadline, threshold and recipient; only then `record` inserts the sla_alerts rows
(unique ticket, deadline, threshold) and moves each ticket's next check on. A crash before
`record` leaves the alert unrecorded and the ticket still due, so the next sweep queues it
again under the same keys and the outbox drops the copies; replicas racing do the same. No
alert is lost, none is delivered twice.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.engines import SQLITE_BEGIN
from services.db.schema import sla_alerts, tickets
from services.profile import Profile
from services.sla.policy import Deadline, Threshold, fired, next_check_at
from services.tickets.model import Ticket
from services.tickets.records import select_tickets, ticket_from_row
from services.tickets.sla import sla_checks

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_RESCHEDULE = (
    update(tickets)
    .where(tickets.c.id == bindparam("t_id"), tickets.c.version == bindparam("t_version"))
    .values(next_sla_check_at=bindparam("t_next"))
)
# Tickets looked at per sweep; the rest keep their (past) next check and come in the next one.
BATCH = 500


@dataclass(frozen=True, slots=True)
class SlaAlert:
    """A threshold come for a ticket and not recorded yet: who to tell is the caller's job."""

    ticket: Ticket
    deadline: Deadline
    threshold: Threshold
    due_at: datetime
    at: datetime  # when the sweep found it


@dataclass(frozen=True, slots=True)
class SweepBatch:
    """What one sweep found: the alerts to send, then each looked-at ticket's next check."""

    at: datetime
    alerts: list[SlaAlert] = field(default_factory=list)
    next_checks: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RecordedAlert:
    """An sla_alerts row."""

    ticket_id: int
    deadline: Deadline
    threshold: Threshold
    due_at: datetime
    alerted_at: datetime


class SlaSweep:
    """Runs the sweep over one profile's tickets in the database."""

    def __init__(self, db: Database, profile: Profile) -> None:
        self._db = db
        self._profile = profile

    def due_query(self, now: datetime, limit: int) -> Select[Any]:
        """The tickets whose next check has come, earliest first (an index range scan)."""
        return (
            select_tickets()
            .where(tickets.c.profile == self._profile.name, tickets.c.next_sla_check_at <= now)
            .order_by(tickets.c.next_sla_check_at)
            .limit(limit)
        )

    async def pending(self, now: datetime, limit: int = BATCH) -> SweepBatch:
        """The thresholds come by `now` on the due tickets that sla_alerts does not hold yet.

        Reads only: two statements whatever the batch (the due tickets, their recorded alerts).
        """
        batch = SweepBatch(now)
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(self.due_query(now, limit))).mappings().all()
            due = [ticket_from_row(row) for row in rows]
            done = await self._recorded_keys(connection, [t.id for t in due])
        for ticket in due:
            found = sla_checks(ticket, self._profile)
            for check in fired(found, now):
                if (ticket.id, check.deadline.value, check.threshold.value) not in done:
                    alert = SlaAlert(ticket, check.deadline, check.threshold, check.due_at, now)
                    batch.alerts.append(alert)
            # Everything up to now is sent once recorded: look again at the next threshold.
            next_at = next_check_at(found, now)
            batch.next_checks.append(
                {"t_id": ticket.id, "t_version": ticket.version, "t_next": next_at}
            )
        return batch

    async def _recorded_keys(
        self, connection: AsyncConnection, ticket_ids: list[int]
    ) -> set[tuple[int, str, str]]:
        """(ticket, deadline, threshold) of the alerts already recorded for these tickets."""
        if not ticket_ids:
            return set()
        key = (sla_alerts.c.ticket_id, sla_alerts.c.deadline, sla_alerts.c.threshold)
        query = select(*key).where(sla_alerts.c.ticket_id.in_(ticket_ids))
        return {tuple(row) for row in (await connection.execute(query)).all()}

    async def record(self, batch: SweepBatch, failed: Collection[int] = ()) -> None:
        """Record the batch's alerts as sent and move its tickets' next checks on.

        Tickets in `failed` (ids whose sending raised) are left as they were: unrecorded and
        still due, so the next sweep tries them again. Two statements whatever the batch.
        """
        alerts = [a for a in batch.alerts if a.ticket.id not in failed]
        next_checks = [n for n in batch.next_checks if n["t_id"] not in failed]
        if not next_checks:  # every alert is one of a due ticket's: nothing to write
            return
        async with self._db.engine.connect() as connection:
            if self._db.dialect == "sqlite":
                # Take the write lock up front: two deferred transactions that both write fail
                # with "database is locked" instead of queueing.
                await connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
            async with connection.begin():
                await self._insert(connection, alerts, batch.at)
                if next_checks:
                    # The version guard leaves a ticket saved meanwhile to the value its save
                    # set; the version is not bumped, so the sweep never makes a save stale.
                    await connection.execute(_RESCHEDULE, next_checks)

    async def _insert(
        self, connection: AsyncConnection, alerts: list[SlaAlert], now: datetime
    ) -> None:
        """Insert the alert rows; one already there (a replica's, a re-sent one's) stays."""
        if not alerts:
            return
        rows = [
            {
                "ticket_id": alert.ticket.id,
                "deadline": alert.deadline.value,
                "threshold": alert.threshold.value,
                "due_at": alert.due_at,
                "alerted_at": now,
            }
            for alert in alerts
        ]
        # executemany: SQLAlchemy batches the rows into multi-row INSERTs ("insertmanyvalues").
        statement = _INSERT[self._db.dialect](sla_alerts).on_conflict_do_nothing(
            index_elements=["ticket_id", "deadline", "threshold"]
        )
        await connection.execute(statement, rows)

    async def recorded(self, ticket_id: int) -> list[RecordedAlert]:
        """The alerts recorded for a ticket, oldest first."""
        query = (
            select(sla_alerts).where(sla_alerts.c.ticket_id == ticket_id).order_by(sla_alerts.c.id)
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [
            RecordedAlert(
                row["ticket_id"],
                Deadline(row["deadline"]),
                Threshold(row["threshold"]),
                row["due_at"],
                row["alerted_at"],
            )
            for row in rows
        ]
