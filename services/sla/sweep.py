"""The SLA sweep: find the tickets whose next check has come, record their alerts exactly once.

Cost follows the tickets due, not the tickets open: the only query over `tickets` is a range
scan of ix_tickets_profile_next_sla_check_at up to `now`. Each threshold that has come is
inserted into sla_alerts under its unique (ticket, deadline, threshold) key before anyone is
told, and only the insert that wins becomes an alert, so restarts and replicas running the same
sweep never alert twice. A crash between the commit and the send loses that one alert rather
than repeating it: at most once, by design.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    """A threshold that has come for a ticket, recorded once: who to tell is the sender's job."""

    ticket: Ticket
    deadline: Deadline
    threshold: Threshold
    due_at: datetime
    at: datetime  # when the sweep found it


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

    async def run(self, now: datetime, limit: int = BATCH) -> list[SlaAlert]:
        """Record every threshold come by `now` on the due tickets; the alerts this run won."""
        async with self._db.engine.connect() as connection:
            if self._db.dialect == "sqlite":
                # Take the write lock before reading: two deferred transactions that both read
                # and then write fail with "database is locked" instead of queueing.
                await connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
            async with connection.begin():
                return await self._sweep(connection, now, limit)

    def due_query(self, now: datetime, limit: int) -> Select[Any]:
        """The tickets whose next check has come, earliest first (an index range scan)."""
        return (
            select_tickets()
            .where(tickets.c.profile == self._profile.name, tickets.c.next_sla_check_at <= now)
            .order_by(tickets.c.next_sla_check_at)
            .limit(limit)
        )

    async def _sweep(
        self, connection: AsyncConnection, now: datetime, limit: int
    ) -> list[SlaAlert]:
        """Record and reschedule the due tickets inside the caller's transaction.

        Three statements whatever the batch: the select, one batched insert of the alerts and
        one executemany of the next checks (a statement per alert cost 5 ms per ticket).
        """
        query = self.due_query(now, limit)
        due: dict[tuple[int, str, str], SlaAlert] = {}
        next_checks: list[dict[str, Any]] = []
        for row in (await connection.execute(query)).mappings().all():
            ticket = ticket_from_row(row)
            found = sla_checks(ticket, self._profile)
            for check in fired(found, now):
                key = (ticket.id, check.deadline.value, check.threshold.value)
                due[key] = SlaAlert(ticket, check.deadline, check.threshold, check.due_at, now)
            # Everything up to now gets recorded: look again at the next threshold to come.
            next_checks.append(
                {
                    "t_id": ticket.id,
                    "t_version": ticket.version,
                    "t_next": next_check_at(found, now),
                }
            )
        won = await self._record(connection, list(due.values()), now)
        if next_checks:
            # The version guard leaves a ticket saved meanwhile to the value its save set; the
            # version is not bumped, so the sweep never makes someone's save stale.
            await connection.execute(_RESCHEDULE, next_checks)
        return [due[key] for key in due if key in won]

    async def _record(
        self, connection: AsyncConnection, alerts: list[SlaAlert], now: datetime
    ) -> set[tuple[int, str, str]]:
        """Insert the alert rows; the keys of those this insert made (this run's to send)."""
        if not alerts:
            return set()
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
        # executemany: SQLAlchemy batches the rows into multi-row INSERTs ("insertmanyvalues")
        # from one cached compiled statement; RETURNING yields only the rows actually inserted.
        statement = (
            _INSERT[self._db.dialect](sla_alerts)
            .on_conflict_do_nothing(index_elements=["ticket_id", "deadline", "threshold"])
            .returning(sla_alerts.c.ticket_id, sla_alerts.c.deadline, sla_alerts.c.threshold)
        )
        return {tuple(row) for row in (await connection.execute(statement, rows)).all()}

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
