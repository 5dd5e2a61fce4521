"""Processes 1 and 2: classify, acknowledge and assign a ticket."""

from datetime import datetime
from typing import Any

from services.profile import Capability, Profile
from services.routing import routing_fit
from services.tickets.errors import TicketRuleError
from services.tickets.history import event, touched
from services.tickets.intake import require_known
from services.tickets.model import Change, EventKind, Ticket
from services.tickets.rules import (
    local_time,
    member,
    require_capability,
    require_move,
    status_label,
)
from services.tickets.sla import settle
from services.tickets.statuses import TicketStatus

# Assigning in these statuses means "not started yet"; in the others (waiting, escalated) the
# ticket keeps its status and only changes hands.
_RESTARTS_AS_ASSIGNED = frozenset(
    {TicketStatus.NEW, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS}
)


def classify(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    *,
    priority: str | None = None,
    issue_type: str | None = None,
    complexity: str | None = None,
) -> Change:
    """Set priority, issue type and machine complexity (triage); None leaves a value as it is."""
    require_capability(profile, actor_id, ticket, Capability.TRIAGE, f"classify {ticket.number}")
    _require_open(profile, ticket, "reclassifying")
    wanted = {"priority": priority, "issue_type": issue_type, "complexity": complexity}
    what = {"priority": "priority", "issue_type": "issue type", "complexity": "machine complexity"}
    changes: dict[str, Any] = {}
    for name, value in wanted.items():
        if value is not None and value != getattr(ticket, name):
            require_known(profile, what[name], value)
            changes[name] = value
    if not changes:
        raise TicketRuleError(f"{ticket.number} already has that priority and classification.")
    # Every unmet deadline follows the new priority, pauses included, exactly as the repository
    # will store it: the event then shows the acknowledgement due time the ticket really has.
    new = settle(touched(ticket, now, **changes), profile, now)
    return Change(new, (event(EventKind.CLASSIFIED, actor_id, ticket, new),))


def acknowledge(ticket: Ticket, actor_id: str, profile: Profile, now: datetime) -> Change:
    """Record that the customer's request was acknowledged; this happens once per ticket."""
    person = member(profile, actor_id, ticket)
    if person.id != ticket.assignee_id and not profile.has_capability(person, Capability.TRIAGE):
        raise TicketRuleError(
            f"Only the assignee or someone who may triage can acknowledge {ticket.number}."
        )
    if ticket.acknowledged_at is not None:
        raise TicketRuleError(
            f"{ticket.number} was already acknowledged on "
            f"{local_time(profile, ticket.acknowledged_at)}."
        )
    _require_open(profile, ticket, "acknowledging")
    new = touched(ticket, now, acknowledged_at=now)
    return Change(new, (event(EventKind.ACKNOWLEDGED, actor_id, ticket, new),))


def assign(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    *,
    assignee_id: str,
    override_reason: str | None = None,
) -> Change:
    """Give the ticket to someone who may work it and has the skills routing asks for.

    An override reason lets the assigner pick someone else anyway; it is kept on the event.
    """
    require_capability(profile, actor_id, ticket, Capability.ASSIGN, f"assign {ticket.number}")
    _require_open(profile, ticket, "assigning")
    try:
        assignee = profile.person(assignee_id)
    except KeyError:
        raise TicketRuleError(
            f"Nobody with the id '{assignee_id}' is on the {profile.company} team, "
            f"so {ticket.number} cannot be assigned to them."
        ) from None
    if assignee.id == ticket.assignee_id:
        raise TicketRuleError(f"{ticket.number} is already assigned to {assignee.name}.")
    target = TicketStatus.ASSIGNED if ticket.status in _RESTARTS_AS_ASSIGNED else ticket.status
    if target != ticket.status:
        require_move(profile, ticket, target)
    reason = (override_reason or "").strip() or None
    fit = routing_fit(profile, assignee.id, ticket.issue_type, ticket.complexity)
    if fit.problem and reason is None:
        raise TicketRuleError(
            f"{fit.problem}. Give an override reason to assign {ticket.number} "
            f"to {assignee.name} anyway."
        )
    new = touched(ticket, now, assignee_id=assignee.id, status=target)
    # The event keeps what was overridden, so the scorecard and reviews can find such cases.
    override = {"missing_skills": list(fit.missing), "works_tickets": fit.works_tickets}
    extra = {"override": override} if fit.problem else None
    return Change(
        new, (event(EventKind.ASSIGNED, actor_id, ticket, new, body=reason, extra=extra),)
    )


def _require_open(profile: Profile, ticket: Ticket, doing: str) -> None:
    if not ticket.is_open:
        raise TicketRuleError(
            f"{ticket.number} is {status_label(profile, ticket.status)}; "
            f"reopen it before {doing} it."
        )
