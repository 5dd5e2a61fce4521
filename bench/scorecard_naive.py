"""The scorecard bench's baseline: load every ticket and event into Python and filter there.

It works out the same counts as services.scorecard for the week, the week before and the
trend weeks, so the bench can check the two agree before comparing their speed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from services.db import Database
from services.db.schema import ticket_events, tickets
from services.profile import Profile
from services.scorecard import Week

_DONE = {"resolved", "closed"}


async def load_everything(db: Database, profile: Profile) -> tuple[list[Any], list[Any]]:
    """Every ticket of the profile and every event, as rows."""
    async with db.engine.connect() as connection:
        found = (
            (await connection.execute(select(tickets).where(tickets.c.profile == profile.name)))
            .mappings()
            .all()
        )
        events = (
            (await connection.execute(select(ticket_events).order_by(ticket_events.c.id)))
            .mappings()
            .all()
        )
    return list(found), list(events)


def week_counts(
    found: list[Any], events: list[Any], week: Week, as_of: datetime, backlog: bool = True
) -> dict[str, int]:
    """The week's counts, by scanning everything (the backlog replays every event)."""
    start, end = week.start, week.end
    mine = {t["id"] for t in found}
    in_week = [e for e in events if e["ticket_id"] in mine and start <= e["at"] < end]
    first_ack: dict[int, datetime] = {}
    for e in events:
        if e["kind"] == "acknowledged" and e["ticket_id"] not in first_ack:
            first_ack[e["ticket_id"]] = e["at"]
    opened = [t for t in found if start <= t["created_at"] < end]
    due = [
        t for t in opened if t["ack_due_at"] and (t["id"] in first_ack or t["ack_due_at"] <= as_of)
    ]
    met = [t for t in due if t["id"] in first_ack and first_ack[t["id"]] <= t["ack_due_at"]]
    return {
        "opened": len(opened),
        "resolved": len({e["ticket_id"] for e in in_week if e["kind"] == "resolved"}),
        "closed": len({e["ticket_id"] for e in in_week if e["kind"] == "closed"}),
        "reopen_base": len({e["ticket_id"] for e in in_week if e["kind"] in _DONE}),
        "reopens": sum(e["kind"] == "reopened" for e in in_week),
        "ack_due": len(due),
        "ack_met": len(met),
        "backlog": _backlog(found, events, end) if backlog else 0,
    }


def _backlog(found: list[Any], events: list[Any], end: datetime) -> int:
    """Tickets open at `end`, replaying every event before it."""
    status: dict[int, str] = {}
    for e in events:
        after = e["after"] or {}
        if e["at"] < end and after.get("status"):
            status[e["ticket_id"]] = after["status"]
    return sum(1 for t in found if t["created_at"] < end and status.get(t["id"]) not in _DONE)


def trend(found: list[Any], events: list[Any], weeks: list[Week], as_of: datetime) -> list[dict]:
    """The reopen-rate and acknowledgement counts of each week."""
    keys = ("reopens", "reopen_base", "ack_due", "ack_met")
    counted = [week_counts(found, events, w, as_of, backlog=False) for w in weeks]
    return [{k: c[k] for k in keys} for c in counted]
