"""A year of synthetic tickets for the scorecard bench, bulk-inserted straight into the tables.

Each ticket lives a plausible life (acknowledged, assigned, answered, sometimes waiting on the
customer, resolved, sometimes reopened, closed) with the events the workflow would have written,
and its row ends in the state its last event left it in (updated_at included), as the
repository keeps it. Seeded, so every run builds the same data.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert

from services.db import Database
from services.db.schema import escalations, kb_articles, parts_requests, ticket_events, tickets
from services.profile import Capability, Profile
from services.scorecard import Week
from services.tickets.intake import acknowledge_due
from services.tickets.statuses import TicketStatus, to_zendesk

_BATCH = 5000
_PRIORITIES = ("urgent", "high", "normal", "normal", "normal", "low")


class _Life:
    """One ticket's events, cut off at `now` (the bench's present)."""

    def __init__(self, ticket_id: int, now: datetime) -> None:
        self.id, self.now = ticket_id, now
        self.events: list[dict[str, Any]] = []
        self.state: dict[str, Any] = {"status": TicketStatus.NEW, "assignee_id": None}

    def add(self, at: datetime, kind: str, actor: str, public: bool = False, **after: Any) -> bool:
        """Record an event unless it lies after `now`; False when it does (the life stops)."""
        if at > self.now:
            return False
        self.state.update(after)
        shown = {k: v.isoformat() if isinstance(v, datetime) else v for k, v in after.items()}
        self.events.append(
            {
                "ticket_id": self.id,
                "at": at,
                "actor_id": actor,
                "kind": kind,
                "visibility": "public" if public else "internal",
                "body": None,
                "before": None,
                "after": shown or None,
            }
        )
        self.state["updated_at"] = at
        return True


def _live(life: _Life, rng: random.Random, created: datetime, tech: str) -> None:
    """Walk one ticket through the process until it is done or reaches `now`."""
    minutes = lambda low, high: timedelta(minutes=rng.uniform(low, high))  # noqa: E731
    days = lambda low, high: timedelta(days=rng.uniform(low, high))  # noqa: E731
    at = created + minutes(5, 90)
    if rng.random() < 0.97 and not life.add(at, "acknowledged", "mary", acknowledged_at=at):
        return
    at += minutes(1, 5)
    if not life.add(at, "assigned", "mary", assignee_id=tech, status=TicketStatus.ASSIGNED):
        return
    answered = created + minutes(20, 400)
    if rng.random() < 0.9 and not life.add(
        answered, "note", tech, public=True, first_response_at=answered
    ):
        return
    at = max(at, answered)
    if rng.random() < 0.15:
        at += minutes(30, 60)
        if not life.add(at, "status_changed", tech, status=TicketStatus.WAITING_ON_CUSTOMER):
            return
        at += days(1, 3)
        if not life.add(at, "status_changed", tech, status=TicketStatus.IN_PROGRESS):
            return
    for round_ in range(2):
        at += days(0.2, 8) if round_ == 0 else days(0.5, 2)
        if not life.add(at, "resolved", tech, status=TicketStatus.RESOLVED, resolved_at=at):
            return
        if rng.random() >= 0.07 or round_ == 1:
            break
        at += days(1, 3)
        if not life.add(at, "reopened", "mary", status=TicketStatus.ASSIGNED, resolved_at=None):
            return
    at += days(1, 5)
    if rng.random() < 0.8:
        life.add(at, "closed", tech, status=TicketStatus.CLOSED, closed_at=at)


def generate(
    profile: Profile, last: Week, weeks: int, per_week: int, now: datetime, seed: int = 47
) -> tuple[list[dict], list[dict]]:
    """Rows of `tickets` and `ticket_events`: `per_week` tickets in each of `weeks` up to `last`."""
    rng = random.Random(seed)
    techs = [p.id for p in profile.people_with_capability(Capability.WORK_TICKETS)]
    ticket_rows, event_rows = [], []
    for w in range(weeks):
        week = last.shifted(w - weeks + 1)
        for _ in range(per_week):
            ticket_id = len(ticket_rows) + 1
            business = rng.random() < 0.85  # most tickets arrive on a weekday, in hours
            offset = timedelta(
                days=rng.randrange(5) if business else rng.randrange(7),
                hours=rng.uniform(5, 17) if business else rng.uniform(0, 24),
            )
            created = week.start + offset  # close enough to local hours for a workload
            priority = rng.choice(_PRIORITIES)
            life = _Life(ticket_id, now)
            life.add(created, "created", "mary", status=TicketStatus.NEW, priority=priority)
            _live(life, rng, created, rng.choice(techs))
            event_rows += life.events
            ticket_rows.append(_row(profile, ticket_id, created, priority, life.state))
    return ticket_rows, event_rows


def _row(profile: Profile, ticket_id: int, created: datetime, priority: str, state: dict) -> dict:
    status, substatus = to_zendesk(profile, TicketStatus(state["status"]))
    return {
        "id": ticket_id,
        "number": f"BP-{ticket_id}",
        "profile": profile.name,
        "status": status,
        "substatus": substatus,
        "priority": priority,
        "subject": "Sealer stops",
        "requester_id": "mary",
        "assignee_id": state["assignee_id"],
        "created_at": created,
        "updated_at": state["updated_at"],
        "ack_due_at": acknowledge_due(profile, priority, created),
        "acknowledged_at": state.get("acknowledged_at"),
        "first_response_at": state.get("first_response_at"),
        "resolved_at": state.get("resolved_at"),
        "closed_at": state.get("closed_at"),
    }


async def load(db: Database, ticket_rows: list[dict], event_rows: list[dict], profile: Profile):
    """Insert the rows in batches, with a few escalations, parts requests and KB articles."""
    async with db.engine.begin() as connection:
        for table, rows in ((tickets, ticket_rows), (ticket_events, event_rows)):
            for start in range(0, len(rows), _BATCH):
                await connection.execute(insert(table), rows[start : start + _BATCH])
        extras = ticket_rows[::40]
        await connection.execute(insert(escalations), [_escalation(t) for t in extras])
        await connection.execute(insert(parts_requests), [_parts(t, profile) for t in extras])
        await connection.execute(insert(kb_articles), [_article(t, profile) for t in extras])


def _escalation(ticket: dict) -> dict:
    text = dict.fromkeys(("symptoms", "steps_tried", "machine_model", "serial_number"), "x")
    text |= dict.fromkeys(("software_versions", "suspected_cause", "containment"), "x")
    return {
        "ticket_id": ticket["id"],
        "status": "requested",
        "requested_by": "kevin",
        "requested_at": ticket["created_at"] + timedelta(days=1),
        "help_needed": "x",
        "urgency": "high",
        **text,
    }


def _parts(ticket: dict, profile: Profile) -> dict:
    at = ticket["created_at"] + timedelta(hours=3)
    return {
        "profile": profile.name,
        "request_type": "quote",
        "quantity": 1,
        "requester_id": "mary",
        "owner_id": "ezechiel",
        "created_at": at,
        "updated_at": at,
    }


def _article(ticket: dict, profile: Profile) -> dict:
    at = ticket["created_at"] + timedelta(days=2)
    return {
        "profile": profile.name,
        "status": "published",
        "title": "Sealer alarm",
        "created_by": "allison",
        "created_at": at,
        "updated_by": "allison",
        "updated_at": at,
        "published_by": "allison",
        "published_at": at,
    }
