"""Counts Prometheus reads at scrape time: outbox messages by status, SLA alerts sent."""

from __future__ import annotations

from sqlalchemy import func, select

from services.db.database import Database
from services.db.schema import OUTBOX_STATUSES, outbox, sla_alerts


async def outbox_by_status(db: Database) -> dict[str, int]:
    """How many outbox messages are in each status; every known status appears, 0 if none."""
    query = select(outbox.c.status, func.count()).group_by(outbox.c.status)
    async with db.engine.connect() as connection:
        rows = (await connection.execute(query)).all()
    return {status: 0 for status in OUTBOX_STATUSES} | {status: count for status, count in rows}


async def sla_alerts_by_kind(db: Database) -> dict[tuple[str, str], int]:
    """How many SLA alerts were raised per (deadline, threshold); rows are only ever added."""
    query = select(sla_alerts.c.deadline, sla_alerts.c.threshold, func.count()).group_by(
        sla_alerts.c.deadline, sla_alerts.c.threshold
    )
    async with db.engine.connect() as connection:
        rows = (await connection.execute(query)).all()
    return {(deadline, threshold): count for deadline, threshold, count in rows}
