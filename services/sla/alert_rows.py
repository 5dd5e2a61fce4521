"""sla_alerts rows for the sweep: which are recorded, and writing new ones with the next checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.engines import SQLITE_BEGIN
from services.db.schema import sla_alerts, tickets
from services.sla.policy import Deadline, Threshold

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_RESCHEDULE = (
    update(tickets)
    .where(tickets.c.id == bindparam("t_id"), tickets.c.version == bindparam("t_version"))
    .values(next_sla_check_at=bindparam("t_next"))
)


@dataclass(frozen=True, slots=True)
class RecordedAlert:
    """An sla_alerts row."""

    ticket_id: int
    deadline: Deadline
    threshold: Threshold
    due_at: datetime
    alerted_at: datetime


async def recorded_keys(
    connection: AsyncConnection, ticket_ids: list[int]
) -> set[tuple[int, str, str]]:
    """(ticket, deadline, threshold) of the alerts already recorded for these tickets."""
    if not ticket_ids:
        return set()
    key = (sla_alerts.c.ticket_id, sla_alerts.c.deadline, sla_alerts.c.threshold)
    query = select(*key).where(sla_alerts.c.ticket_id.in_(ticket_ids))
    return {tuple(row) for row in (await connection.execute(query)).all()}


async def write(
    db: Database, alert_rows: list[dict[str, Any]], next_checks: list[dict[str, Any]]
) -> None:
    """Insert the alert rows and move the tickets' next checks on, in one transaction.

    An alert row already there (a replica's, a re-sent one's) stays as it is.
    """
    async with db.engine.connect() as connection:
        if db.dialect == "sqlite":
            # Take the write lock up front: two deferred transactions that both write fail
            # with "database is locked" instead of queueing.
            await connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
        async with connection.begin():
            if alert_rows:
                # executemany: SQLAlchemy batches the rows into multi-row INSERTs.
                statement = _INSERT[db.dialect](sla_alerts).on_conflict_do_nothing(
                    index_elements=["ticket_id", "deadline", "threshold"]
                )
                await connection.execute(statement, alert_rows)
            if next_checks:
                # The version guard leaves a ticket saved meanwhile to the value its save
                # set; the version is not bumped, so the sweep never makes a save stale.
                await connection.execute(_RESCHEDULE, next_checks)


async def recorded(db: Database, ticket_id: int) -> list[RecordedAlert]:
    """The alerts recorded for a ticket, oldest first."""
    query = select(sla_alerts).where(sla_alerts.c.ticket_id == ticket_id).order_by(sla_alerts.c.id)
    async with db.engine.connect() as connection:
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
