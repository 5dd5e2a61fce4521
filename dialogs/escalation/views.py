"""Process 4 for the viewer: the manager's review card, and what escalation adds to the ticket
card (its buttons, and the escalation section with the RCCA) for dialogs.shared.ticket_view.
"""

from __future__ import annotations

from microsoft_teams.cards import Action, CardElement, ExecuteAction

from bot.turn import Turn
from cards.escalation_review import decision_actions, escalation_review_card
from cards.rcca import escalation_section
from cards.ticket import ESCALATE, RCCA
from dialogs.shared.links import record_link
from services.escalations import Escalation, EscalationStatus
from services.escalations.workflow import engineers
from services.profile import Capability, Person
from services.tickets import Ticket, TicketStatus


def _picker(turn: Turn, ticket: Ticket) -> tuple[tuple[Person, ...], str | None]:
    """The engineers to pick from (the one handing off too), and the routing's fit among them."""
    profile = turn.services.profile
    offered = engineers(profile)
    fits = profile.candidates_for(ticket.issue_type, ticket.complexity) if ticket.issue_type else ()
    ids = {p.id for p in offered}
    return offered, next((p.id for p in fits if p.id in ids), None)


def review_card(
    turn: Turn,
    ticket: Ticket,
    escalation: Escalation,
    outcome: str | None = None,
    reach: str | None = None,
) -> dict:
    """The manager's review card: the engineers to pick from, the routing's fit pre-selected;
    `reach`: notices of the decision that wait for someone."""
    offered, suggested = _picker(turn, ticket)
    profile = turn.services.profile
    return escalation_review_card(
        profile,
        ticket,
        escalation,
        offered,
        suggested,
        outcome,
        reach=reach,
        link=record_link(turn.services, ticket),
    )


async def current_escalation(turn: Turn, ticket: Ticket) -> Escalation | None:
    """The escalation an escalated ticket is under; None (and no query) for the others."""
    if not ticket.escalated:
        return None
    return await turn.services.escalations.latest(ticket.id)


def escalation_actions(
    turn: Turn, ticket: Ticket, escalation: Escalation | None, works: bool
) -> list[Action]:
    """Escalate once work has started; while the engineering manager has not answered, their
    Accept and assign (nothing for the others); once accepted, the RCCA for whoever works the
    ticket and for the engineer who owns its engineering."""
    data = {"number": ticket.number}
    caller = turn.caller.id if turn.caller else None
    if ticket.status is TicketStatus.ESCALATED:
        waiting = escalation is not None and escalation.status is EscalationStatus.REQUESTED
        if waiting and turn.can(Capability.ACCEPT_ESCALATION):
            offered, suggested = _picker(turn, ticket)
            profile = turn.services.profile
            return list(decision_actions(profile, ticket, escalation, offered, suggested))
        return []
    if ticket.escalated:
        owner = escalation is not None and escalation.engineer_id == caller
        return [ExecuteAction(title="RCCA", verb=RCCA, data=data)] if works or owner else []
    # Escalation is where troubleshooting ends, so the button comes once work has started.
    if works and ticket.status is TicketStatus.IN_PROGRESS:
        return [ExecuteAction(title="Escalate", verb=ESCALATE, data=data)]
    return []


async def escalation_sections(
    turn: Turn, ticket: Ticket, escalation: Escalation | None
) -> list[CardElement]:
    """The escalation section of an escalated ticket's card; nothing for the others."""
    if escalation is None:
        return []
    rcca = await turn.services.escalations.rcca(escalation)
    return escalation_section(turn.services.profile, escalation, rcca)
