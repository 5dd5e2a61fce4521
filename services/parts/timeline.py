"""A parts request's steps on its ticket's timeline (a ticket workflow command)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from services.profile import Profile
from services.tickets import Change, EventKind, Ticket, TicketEvent
from services.tickets.history import touched
from services.tickets.rules import member


class Step(StrEnum):
    """The verbs a timeline line uses: "Jordan filed parts request PQ-1001: …"."""

    FILED = "filed"
    ANSWERED = "answered"
    ORDER = "updated the order of"  # the customer ordered; it shipped, arrived, was cancelled
    LOOKED_UP = "looked up an order"  # an order status asked on the form, no request filed


def parts_step(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    step: Step,
    body: str,
    request_number: str | None = None,
) -> Change:
    """Record one parts step on `ticket`; a closed ticket records it too (the order goes on)."""
    member(profile, actor_id, ticket)
    new = touched(ticket, now)
    after = {"parts_request": request_number, "step": step.value}
    return Change(new, (TicketEvent(EventKind.PARTS, actor_id, now, body=body, after=after),))
