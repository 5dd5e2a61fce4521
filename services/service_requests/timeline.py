"""A service request's steps on its related ticket's timeline (a ticket workflow command)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from services.profile import Profile
from services.service_requests.model import ServiceRequest
from services.tickets import Change, EventKind, Ticket, TicketEvent
from services.tickets.history import touched
from services.tickets.rules import member


class Step(StrEnum):
    """The verbs a timeline line uses: "Mary filed service request SR-1001: …"."""

    FILED = "filed"
    APPROVED = "approved"
    REJECTED = "rejected"
    SCHEDULED = "scheduled"


def service_step(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    request: ServiceRequest,
    step: Step,
    body: str | None = None,
) -> Change:
    """Record one step of `request` on `ticket`; a closed ticket records it too (follow-up work)."""
    member(profile, actor_id, ticket)
    new = touched(ticket, now)
    # No "status" key: the ticket's status_changed_at is read from events that carry one.
    after = {"service_request": request.number, "step": step.value}
    event = TicketEvent(EventKind.SERVICE, actor_id, now, body=body or None, after=after)
    return Change(new, (event,))
