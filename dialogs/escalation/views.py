"""Process 4 for the viewer: the manager's review card, and what escalation adds to the ticket
card (its buttons, and the escalation section with the RCCA) for dialogs.shared.ticket_view.
"""

from __future__ import annotations

from microsoft_teams.cards import Action, CardElement, ExecuteAction

from bot.turn import Turn
from cards.escalation import escalation_review_card
from cards.rcca import escalation_section
from cards.ticket import ESCALATE, RCCA
from services.escalations import Escalation
from services.profile import Capability
from services.tickets import Ticket, TicketStatus


def review_card(
    turn: Turn, ticket: Ticket, escalation: Escalation, outcome: str | None = None
) -> dict:
    """The manager's review card: the engineers to pick from, the routing's fit pre-selected."""
    profile = turn.services.profile
    engineers = [
        p
        for p in profile.people_with_capability(Capability.WORK_TICKETS)
        if p.id != escalation.requested_by
    ]
    fits = profile.candidates_for(ticket.issue_type, ticket.complexity) if ticket.issue_type else ()
    ids = {p.id for p in engineers}
    suggested = next((p.id for p in fits if p.id in ids), None)
    return escalation_review_card(profile, ticket, escalation, engineers, suggested, outcome)


def escalation_actions(ticket: Ticket) -> list[Action]:
    """For whoever works an open ticket: Escalate once work has started, then the RCCA form."""
    data = {"number": ticket.number}
    if ticket.escalated:
        return [ExecuteAction(title="RCCA", verb=RCCA, data=data)]
    # Escalation is where troubleshooting ends, so the button comes once work has started.
    if ticket.status is TicketStatus.IN_PROGRESS:
        return [ExecuteAction(title="Escalate", verb=ESCALATE, data=data)]
    return []


async def escalation_sections(turn: Turn, ticket: Ticket) -> list[CardElement]:
    """The escalation section of an escalated ticket's card; nothing for the others."""
    if not ticket.escalated:
        return []  # no query for the tickets that never went to Engineering
    escalations = turn.services.escalations
    escalation = await escalations.latest(ticket.id)
    if escalation is None:
        return []
    rcca = await escalations.rcca(escalation)
    return escalation_section(turn.services.profile, escalation, rcca)
