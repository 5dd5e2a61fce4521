"""What process 4 adds to the ticket card: its buttons and the escalation section with the RCCA.

Kept apart from dialogs.escalation.feature so dialogs.shared.ticket_view can use it without
an import cycle.
"""

from __future__ import annotations

from microsoft_teams.cards import Action, CardElement, ExecuteAction

from bot.turn import Turn
from cards.rcca import escalation_section
from cards.ticket import ESCALATE, RCCA
from services.tickets import Ticket, TicketStatus


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
