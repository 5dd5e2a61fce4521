"""Process 4, the engineering manager's queue: `escalations` lists the handoffs waiting for
their answer; a row's Accept and assign opens its review card (dialogs.escalation.review)."""

from __future__ import annotations

from bot.turn import ActionResult, Turn
from cards.escalation_queue import ESCALATION_REVIEW, escalations_card
from dialogs.escalation.feature import feature
from dialogs.escalation.views import review_card
from dialogs.shared.links import linker
from dialogs.shared.ticket_view import ticket_view
from dialogs.shared.tickets import TicketRef, find_ticket, refused
from services.escalations import Escalation, EscalationStatus
from services.profile import Capability
from services.tickets import Ticket, TicketStatus


async def waiting(turn: Turn) -> list[tuple[Ticket, Escalation]]:
    """The escalated tickets whose handoff waits for an answer, oldest handoff first."""
    found = []
    for ticket in await turn.services.tickets.with_status([TicketStatus.ESCALATED]):
        escalation = await turn.services.escalations.latest(ticket.id)
        if escalation is not None and escalation.status is EscalationStatus.REQUESTED:
            found.append((ticket, escalation))
    return sorted(found, key=lambda pair: pair[1].requested_at)


@feature.command(
    "escalations",
    help="Escalations waiting for you to accept and assign",
    capability=Capability.ACCEPT_ESCALATION,
    button_for=(Capability.ACCEPT_ESCALATION,),
)
async def escalations_command(turn: Turn, args: str) -> None:
    """Send the queue of handoffs waiting for the engineering manager."""
    pending = await waiting(turn)
    card = escalations_card(turn.services.profile, pending, linker(turn.services))
    await turn.send_card(card, summary=f"{len(pending)} escalations waiting")


@feature.action(ESCALATION_REVIEW, model=TicketRef, capability=Capability.ACCEPT_ESCALATION)
async def open_review(turn: Turn, data: TicketRef) -> ActionResult:
    """A queue row's review card; a handoff answered meanwhile shows the ticket as it is now."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    escalation = await turn.services.escalations.latest(ticket.id)
    if escalation is None or escalation.status is not EscalationStatus.REQUESTED:
        headline = f"{ticket.number} no longer waits for Engineering's answer."
        return ActionResult(card=await ticket_view(turn, ticket, headline=headline))
    return ActionResult(card=review_card(turn, ticket, escalation))
