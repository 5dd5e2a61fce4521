"""Process 4's workflow commands: hand a ticket to Engineering, accept it or ask for more, and
record its RCCA. Pure like services.tickets.workflow: each checks the rules, raising
TicketRuleError with a sentence for the person, and returns the ticket change to save together
with the escalation record it decided on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from services.escalations.forms import LABELS, RCCA_FIELDS, handoff_fields
from services.escalations.model import Decision, Escalation, EscalationStatus, Handoff, Rcca
from services.profile import Capability, Person, Profile
from services.tickets import Change, EventKind, Ticket, TicketRuleError, TicketStatus
from services.tickets.history import event, touched
from services.tickets.rules import (
    member,
    name_of,
    require_capability,
    require_move,
    require_text,
    require_worker,
    status_label,
)


def listed(labels: list[str]) -> str:
    """'a', 'a and b', 'a, b and c', lower-cased for the middle of a sentence."""
    words = [label.lower() for label in labels]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def require_escalator(profile: Profile, actor_id: str, ticket: Ticket) -> None:
    """Refuse unless the actor works the ticket and it may go to Engineering now."""
    require_worker(profile, actor_id, ticket, "escalate")
    if not profile.people_with_capability(Capability.ACCEPT_ESCALATION):
        raise TicketRuleError(
            f"Nobody on the {profile.company} team may accept escalations, so {ticket.number} "
            "cannot go to Engineering; a role needs the accept_escalation capability."
        )
    if ticket.escalated:
        raise TicketRuleError(f"{ticket.number} is already with Engineering.")
    require_move(profile, ticket, TicketStatus.ESCALATED)


def escalate(
    ticket: Ticket, actor_id: str, profile: Profile, now: datetime, handoff: Handoff
) -> Decision:
    """Hand the ticket to Engineering: it becomes escalated and waits for the manager's answer."""
    require_escalator(profile, actor_id, ticket)
    answers = handoff.answers()
    asked = [spec.id for spec in handoff_fields(profile)]
    missing = [LABELS[key] for key in asked if not answers[key].strip()]
    if missing:
        raise TicketRuleError(
            f"{ticket.number} cannot go to Engineering yet: the handoff has no {listed(missing)}."
        )
    try:
        profile.priority(handoff.urgency)
    except KeyError:
        raise TicketRuleError(f"'{handoff.urgency}' is not an urgency this desk uses.") from None
    new = touched(ticket, now, status=TicketStatus.ESCALATED, escalated=True)
    extra = {"escalation": EscalationStatus.REQUESTED, "urgency": handoff.urgency}
    handed = event(
        EventKind.STATUS_CHANGED, actor_id, ticket, new, body=handoff.help_needed, extra=extra
    )
    request = Escalation(ticket.id, EscalationStatus.REQUESTED, actor_id, now, handoff)
    return Decision(Change(new, (handed,)), request)


def _require_pending(profile: Profile, ticket: Ticket, escalation: Escalation) -> None:
    """Refuse a decision on an escalation that is not this ticket's, or was already decided."""
    if escalation.ticket_id != ticket.id:
        raise TicketRuleError(f"That escalation does not belong to {ticket.number}.")
    decider = name_of(profile, escalation.decided_by or "nobody")
    if escalation.status is EscalationStatus.ACCEPTED:
        engineer = name_of(profile, escalation.engineer_id or "nobody")
        raise TicketRuleError(
            f"{decider} already accepted this escalation of {ticket.number}: {engineer} has it."
        )
    if escalation.status is EscalationStatus.INFO_REQUESTED:
        requester = name_of(profile, escalation.requested_by)
        raise TicketRuleError(
            f"{decider} already asked {requester} for more information on {ticket.number}; "
            "the handoff comes back once it is complete."
        )
    if ticket.status is not TicketStatus.ESCALATED:
        raise TicketRuleError(
            f"{ticket.number} is {status_label(profile, ticket.status)} now, "
            "no longer waiting for Engineering."
        )


def engineers(profile: Profile) -> tuple[Person, ...]:
    """Who may own an escalation's engineering: those who take escalations, else every worker."""
    owners = profile.people_with_capability(Capability.TAKE_ESCALATION)
    return owners or profile.people_with_capability(Capability.WORK_TICKETS)


def accept(
    ticket: Ticket,
    escalation: Escalation,
    actor_id: str,
    profile: Profile,
    now: datetime,
    *,
    engineer_id: str,
    note: str | None = None,
    keep_assignee: bool = False,
) -> Decision:
    """The engineering manager takes the escalation: the engineer picked owns its engineering
    and the ticket is back in progress. The engineer becomes the assignee too, unless
    `keep_assignee` (the assignee stays on the customer; the scorecard still counts them)."""
    doing = f"accept the escalation of {ticket.number}"
    manager = require_capability(profile, actor_id, ticket, Capability.ACCEPT_ESCALATION, doing)
    _require_pending(profile, ticket, escalation)
    try:
        engineer = profile.person(engineer_id)
    except KeyError:
        raise TicketRuleError(
            f"Nobody with the id '{engineer_id}' is on the {profile.company} team."
        ) from None
    if engineer not in engineers(profile):
        raise TicketRuleError(
            f"{engineer.name} does not take escalations; pick one of the engineers offered."
        )
    require_move(profile, ticket, TicketStatus.IN_PROGRESS)
    reply = (note or "").strip() or None
    keep = keep_assignee or engineer.id == ticket.assignee_id
    assignee = ticket.assignee_id if keep else engineer.id
    new = touched(ticket, now, status=TicketStatus.IN_PROGRESS, assignee_id=assignee)
    extra = {"escalation": EscalationStatus.ACCEPTED, "engineering_owner": engineer.id}
    if keep and assignee and assignee != engineer.id:
        stays = f"{engineer.name} owns the engineering; {name_of(profile, assignee)} stays on it"
    else:
        stays = f"{engineer.name} owns the engineering"
    body = f"Escalation accepted: {stays}" + (f". {reply}" if reply else "")
    # Handing the ticket over is an assignment (the scorecard counts it); keeping it is not.
    kind = EventKind.STATUS_CHANGED if keep else EventKind.ASSIGNED
    decided_event = event(kind, actor_id, ticket, new, body=body, extra=extra)
    decided = replace(
        escalation,
        status=EscalationStatus.ACCEPTED,
        decided_by=manager.id,
        decided_at=now,
        engineer_id=engineer.id,
        reply=reply,
    )
    return Decision(Change(new, (decided_event,)), decided)


def ask_for_information(
    ticket: Ticket,
    escalation: Escalation,
    actor_id: str,
    profile: Profile,
    now: datetime,
    question: str,
) -> Decision:
    """Send the handoff back: the ticket returns to troubleshooting until it comes back complete."""
    doing = f"answer the escalation of {ticket.number}"
    manager = require_capability(profile, actor_id, ticket, Capability.ACCEPT_ESCALATION, doing)
    _require_pending(profile, ticket, escalation)
    text = require_text(
        question, f"Say what Engineering needs to know before it takes {ticket.number}."
    )
    require_move(profile, ticket, TicketStatus.IN_PROGRESS)
    new = touched(ticket, now, status=TicketStatus.IN_PROGRESS, escalated=False)
    body = f"Engineering needs more information: {text}"
    extra = {"escalation": EscalationStatus.INFO_REQUESTED}
    returned = event(EventKind.STATUS_CHANGED, actor_id, ticket, new, body=body, extra=extra)
    decided = replace(
        escalation,
        status=EscalationStatus.INFO_REQUESTED,
        decided_by=manager.id,
        decided_at=now,
        reply=text,
    )
    return Decision(Change(new, (returned,)), decided)


def require_rcca_recorder(
    profile: Profile, actor_id: str, ticket: Ticket, escalation: Escalation | None
) -> Escalation:
    """The escalation whose RCCA the actor may record now; refused with the reason otherwise.

    Whoever works the ticket records it, and so does the engineer who owns its engineering."""
    if escalation is not None and escalation.engineer_id == actor_id:
        member(profile, actor_id, ticket)
    else:
        require_worker(profile, actor_id, ticket, "record the RCCA of")
    if not ticket.escalated or escalation is None or escalation.ticket_id != ticket.id:
        raise TicketRuleError(
            f"{ticket.number} was not escalated to Engineering; an RCCA is kept for escalations."
        )
    if not ticket.is_open:
        raise TicketRuleError(
            f"{ticket.number} is {status_label(profile, ticket.status)}; "
            "reopen it to change its RCCA."
        )
    return escalation


def record_rcca(
    ticket: Ticket,
    escalation: Escalation | None,
    actor_id: str,
    profile: Profile,
    now: datetime,
    answers: dict[str, str],
) -> tuple[Change, Rcca]:
    """Record (or correct) the escalated ticket's root cause, corrective and preventive action."""
    escalation = require_rcca_recorder(profile, actor_id, ticket, escalation)
    parts = {spec.id: (answers.get(spec.id) or "").strip() for spec in RCCA_FIELDS}
    missing = [LABELS[key] for key, value in parts.items() if not value]
    if missing:
        raise TicketRuleError(f"The RCCA of {ticket.number} needs its {listed(missing)}.")
    new = touched(ticket, now)
    recorded = event(EventKind.RCCA, actor_id, ticket, new, extra=parts)
    rcca = Rcca(**parts, recorded_by=actor_id, recorded_at=now, escalation_id=escalation.id)
    return Change(new, (recorded,)), replace(rcca, ticket_id=ticket.id)
