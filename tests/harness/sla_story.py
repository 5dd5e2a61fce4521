"""The SLA story's look into the running bot's database: what the sweeps recorded, in which
order the outbox told people, and a ticket made late now (the real clock would take an hour)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from services.db import Database
from services.db.schema import outbox, sla_alerts, tickets
from services.sla.policy import Deadline, Threshold


async def breaches(db: Database) -> dict[str, set[Deadline]]:
    """Each ticket number the sweeps recorded breaches for, with its breached deadlines."""
    query = (
        sa.select(tickets.c.number, sla_alerts.c.deadline)
        .join(tickets, tickets.c.id == sla_alerts.c.ticket_id)
        .where(sla_alerts.c.threshold == Threshold.BREACH.value)
    )
    found: dict[str, set[Deadline]] = defaultdict(set)
    async with db.engine.connect() as connection:
        for number, deadline in (await connection.execute(query)).all():
            found[number].add(Deadline(deadline))
    return dict(found)


async def assignees(db: Database, numbers: list[str]) -> dict[str, str | None]:
    """Each ticket's assignee id as stored now."""
    query = sa.select(tickets.c.number, tickets.c.assignee_id).where(tickets.c.number.in_(numbers))
    async with db.engine.connect() as connection:
        return dict((await connection.execute(query)).all())


async def told_in_order(db: Database, number: str) -> list[str]:
    """The targets of a ticket's breach alerts, in the order the outbox stored them."""
    query = (
        sa.select(outbox.c.target)
        .where(outbox.c.dedupe_key.like(f"sla:{number}:%:breach:%"))
        .order_by(outbox.c.id)
    )
    async with db.engine.connect() as connection:
        return list((await connection.execute(query)).scalars())


async def make_late(db: Database, exclude: set[str]) -> str:
    """Take an open assigned ticket not alerted yet back to unacknowledged and unanswered, both
    deadlines just passed, due for the next sweep; returns its number."""
    alerted = sa.select(sla_alerts.c.ticket_id)
    query = (
        sa.select(tickets.c.id, tickets.c.number)
        .where(
            tickets.c.assignee_id.is_not(None),
            tickets.c.closed_at.is_(None),
            tickets.c.resolved_at.is_(None),
            tickets.c.sla_paused_at.is_(None),  # a waiting ticket's clock stands still
            tickets.c.id.not_in(alerted),
            tickets.c.number.not_in(exclude),
        )
        .order_by(tickets.c.id.desc())
        .limit(1)
    )
    now = datetime.now(UTC)
    async with db.engine.begin() as connection:
        ticket_id, number = (await connection.execute(query)).one()
        await connection.execute(
            tickets.update()
            .where(tickets.c.id == ticket_id)
            .values(
                acknowledged_at=None,
                first_response_at=None,
                ack_due_at=now - timedelta(minutes=20),
                first_response_due_at=now - timedelta(minutes=10),
                next_sla_check_at=now,
                version=tickets.c.version + 1,
            )
        )
    return number
