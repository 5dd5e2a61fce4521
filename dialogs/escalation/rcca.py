"""Process 4's last step: the RCCA of an escalated ticket (states: dialogs.escalation).

Whoever works the ticket records it: its assignee (the engineer, once the manager accepted),
or someone who may resolve any ticket. A refused form comes back with its errors and values
kept; once recorded, the RCCA shows on the timeline and the ticket card, and resolving the
ticket (dialogs.closure) is allowed.
"""

from __future__ import annotations

from bot.turn import ActionResult, Turn
from cards.forms import GENERAL
from cards.rcca import RCCA_SUBMIT, rcca_form_card
from cards.ticket import RCCA
from dialogs.escalation.feature import feature, guarded
from dialogs.escalation.inputs import RccaInputs
from dialogs.shared.links import record_link
from dialogs.shared.ticket_view import ticket_view
from dialogs.shared.tickets import TicketRef, find_ticket, now, refused
from services.escalations import RCCA_FIELDS, Escalation, read_rcca
from services.escalations.workflow import record_rcca, require_rcca_recorder
from services.tickets import Ticket, TicketRuleError


async def _recordable(turn: Turn, number: str) -> tuple[Ticket | None, Escalation | None, str]:
    """The ticket and the escalation whose RCCA the caller may record, or why not."""
    assert turn.caller is not None
    ticket, problem = await find_ticket(turn, number)
    if ticket is None:
        return None, None, problem or ""
    latest = await turn.services.escalations.latest(ticket.id)
    try:
        found = require_rcca_recorder(turn.services.profile, turn.caller.id, ticket, latest)
    except TicketRuleError as refusal:
        return None, None, str(refusal)
    return ticket, found, ""


async def _form(turn: Turn, ticket: Ticket, escalation: Escalation) -> dict:
    """The form, filled in with the RCCA on record."""
    current = await turn.services.escalations.rcca(escalation)
    typed = {spec.id: getattr(current, spec.id) for spec in RCCA_FIELDS} if current else {}
    link = record_link(turn.services, ticket)
    return rcca_form_card(turn.services.profile, ticket, typed, link=link)


@feature.command(
    "rcca", usage="<ticket>", help="Record an escalated ticket's root cause and corrective action"
)
async def rcca_command(turn: Turn, args: str) -> None:
    """Send the RCCA form of an escalated ticket the caller works."""
    ticket, escalation, problem = await _recordable(turn, args)
    if ticket is None or escalation is None:
        await turn.say(problem)
        return
    await turn.send_card(await _form(turn, ticket, escalation), summary=f"RCCA {ticket.number}")


@feature.action(RCCA, model=TicketRef)
async def open_rcca_form(turn: Turn, data: TicketRef) -> ActionResult:
    """Replace the ticket card with the RCCA form."""
    ticket, escalation, problem = await _recordable(turn, data.number)
    if ticket is None or escalation is None:
        return refused(problem)
    return ActionResult(card=await _form(turn, ticket, escalation))


@feature.action(RCCA_SUBMIT, model=RccaInputs)
async def save_rcca(turn: Turn, data: RccaInputs) -> ActionResult:
    """Record the RCCA; a refused form comes back with what was typed."""
    assert turn.caller is not None
    ticket, escalation, problem = await _recordable(turn, data.number)
    if ticket is None or escalation is None:
        return refused(problem)
    profile, typed = turn.services.profile, data.typed()
    answers, errors = read_rcca(profile, typed)
    if errors:
        link = record_link(turn.services, ticket)
        return ActionResult(card=rcca_form_card(profile, ticket, typed, errors, link))
    actor, at = turn.caller.id, now(turn)

    async def save() -> Ticket:
        change, record = record_rcca(ticket, escalation, actor, profile, at, answers)
        return await turn.services.escalations.record_rcca(change, ticket.version, record)

    saved, refusal = await guarded(ticket, save)
    if saved is None:
        link = record_link(turn.services, ticket)
        card = rcca_form_card(profile, ticket, typed, {GENERAL: refusal or ""}, link)
        return ActionResult(card=card)
    headline = f"RCCA recorded: {saved.number} can be resolved now."
    return ActionResult(card=await ticket_view(turn, saved, headline=headline))
