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

A ticket the sweep cannot read, check or record does not stop the desk's alerts: when a
batch's query or write fails, it is redone one ticket at a time, and the failing ticket is
skipped (logged once, see services.scheduler.skipping), stays due and is read by itself in the
sweeps after, outside the batch, until it goes through.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import RowMapping

from services.db.database import Database
from services.db.schema import tickets
from services.profile import Profile
from services.scheduler.skipping import SkippedItems, skipped_items
from services.sla import alert_rows
from services.sla.alert_rows import RecordedAlert
from services.sla.policy import Deadline, Threshold, fired, next_check_at
from services.tickets.model import Ticket
from services.tickets.records import select_tickets, ticket_from_row
from services.tickets.sla import sla_checks

# Tickets looked at per sweep; the rest keep their (past) next check and come in the next one.
BATCH = 500
log = logging.getLogger(__name__)


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


class SlaSweep:
    """Runs the sweep over one profile's tickets in the database."""

    def __init__(self, db: Database, profile: Profile, skipped: SkippedItems | None = None) -> None:
        self._db = db
        self._profile = profile
        if skipped is None:
            # The process's: the job makes a new sweep each minute, and a ticket skipped in one
            # is logged once, not every minute.
            skipped = skipped_items(f"SLA sweep ({profile.name})", "ticket id")
        self.skipped = skipped

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

        Reads only: two statements whatever the batch (the due tickets, their recorded alerts),
        and one for each ticket skipped lately.
        """
        batch = SweepBatch(now)
        due = await self._due(now, limit)
        async with self._db.engine.connect() as connection:
            done = await alert_rows.recorded_keys(connection, [t.id for t in due])
        for ticket in due:
            try:
                alerts, next_check = self._look_at(ticket, done, now)
            except Exception as error:  # this ticket's own failure: the others still alert
                self.skipped.skip(ticket.id, error, now)
                continue
            batch.alerts.extend(alerts)
            batch.next_checks.append(next_check)
        return batch

    def _look_at(
        self, ticket: Ticket, done: set[tuple[int, str, str]], now: datetime
    ) -> tuple[list[SlaAlert], dict[str, Any]]:
        """The ticket's alerts not recorded yet, and its next check once they are."""
        found = sla_checks(ticket, self._profile)
        alerts = [
            SlaAlert(ticket, check.deadline, check.threshold, check.due_at, now)
            for check in fired(found, now)
            if (ticket.id, check.deadline.value, check.threshold.value) not in done
        ]
        # Everything up to now is sent once recorded: look again at the next threshold.
        next_at = next_check_at(found, now)
        return alerts, {"t_id": ticket.id, "t_version": ticket.version, "t_next": next_at}

    async def _due(self, now: datetime, limit: int) -> list[Ticket]:
        """The due tickets, earliest first; one that cannot be read is skipped, not the sweep."""
        skipped = self.skipped.known(now)
        query = self.due_query(now, limit)
        if skipped:  # read by themselves below, so they cannot fail the batch again
            query = query.where(tickets.c.id.not_in(skipped))
        one_by_one = partial(self._due_ticket, now)
        try:
            due = [ticket_from_row(row) for row in await self._rows(query)]
        except Exception as error:
            log.warning("reading the due tickets failed (%s); reading them one by one", error)
            # The ids alone: if even they cannot be read, the sweep fails as it should.
            ids = await self._rows(query.with_only_columns(tickets.c.id))
            due = await self.skipped.each([row["id"] for row in ids], one_by_one, now)
        due += await self.skipped.each(sorted(skipped), one_by_one, now)
        return sorted(due, key=lambda ticket: ticket.next_sla_check_at)

    async def _due_ticket(self, now: datetime, ticket_id: int) -> Ticket | None:
        """The ticket with this id if its check has come."""
        rows = await self._rows(self.due_query(now, 1).where(tickets.c.id == ticket_id))
        return ticket_from_row(rows[0]) if rows else None

    async def _rows(self, query: Select[Any]) -> list[RowMapping]:
        """The query's rows, on a connection of its own (a failed one aborts its transaction)."""
        async with self._db.engine.connect() as connection:
            return list((await connection.execute(query)).mappings().all())

    async def record(self, batch: SweepBatch, failed: Collection[int] = ()) -> None:
        """Record the batch's alerts as sent and move its tickets' next checks on.

        Tickets in `failed` (ids whose sending raised) are left as they were: unrecorded and
        still due, so the next sweep tries them again. Two statements whatever the batch; if
        they fail, each ticket's are written by themselves, skipping a ticket whose writes fail.
        """
        alerts = [a for a in batch.alerts if a.ticket.id not in failed]
        next_checks = [n for n in batch.next_checks if n["t_id"] not in failed]
        if not next_checks:  # every alert is one of a due ticket's: nothing to write
            return
        try:
            await self._write(alerts, next_checks)
        except Exception as error:
            log.warning("recording the SLA sweep failed (%s); recording it ticket by ticket", error)
            for check in next_checks:
                ticket_id = check["t_id"]
                own = [alert for alert in alerts if alert.ticket.id == ticket_id]
                try:
                    await self._write(own, [check])
                except Exception as failure:  # this ticket's own rows: the others are written
                    self.skipped.skip(ticket_id, failure, batch.at)
                else:
                    self.skipped.handled(ticket_id)
            return
        for check in next_checks:
            self.skipped.handled(check["t_id"])

    async def _write(self, alerts: list[SlaAlert], next_checks: list[dict[str, Any]]) -> None:
        rows = [
            {
                "ticket_id": alert.ticket.id,
                "deadline": alert.deadline.value,
                "threshold": alert.threshold.value,
                "due_at": alert.due_at,
                "alerted_at": alert.at,
            }
            for alert in alerts
        ]
        await alert_rows.write(self._db, rows, next_checks)

    async def recorded(self, ticket_id: int) -> list[RecordedAlert]:
        """The alerts recorded for a ticket, oldest first."""
        return await alert_rows.recorded(self._db, ticket_id)
