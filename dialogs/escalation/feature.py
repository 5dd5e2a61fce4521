"""Process 4's handoff: the form, filled in from the ticket, and sending it to Engineering.

States and verbs: dialogs.escalation. The manager's side is dialogs.escalation.review, the
RCCA dialogs.escalation.rcca; both register on this feature.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.escalation import ESCALATION_SUBMIT, escalation_form_card
from cards.forms import GENERAL
from cards.ticket import ESCALATE
from dialogs.escalation.inputs import HandoffInputs
from dialogs.escalation.notices import tell_managers
from dialogs.shared.links import record_link
from dialogs.shared.ticket_view import ticket_view
from dialogs.shared.tickets import TicketRef, find_ticket, now, refused
from services.escalations import EscalationStatus, read_handoff
from services.escalations.forms import handoff_prefill
from services.escalations.workflow import escalate, require_escalator
from services.tickets import StaleTicket, Ticket, TicketRuleError
from services.tickets.rules import name_of

feature = Feature("escalation")
T = TypeVar("T")


async def guarded(ticket: Ticket, step: Callable[[], Awaitable[T]]) -> tuple[T | None, str | None]:
    """Run a workflow command and its save; a refusal or a lost race comes back as text."""
    try:
        return await step(), None
    except TicketRuleError as refusal:
        return None, str(refusal)
    except StaleTicket:
        return None, (
            f"{ticket.number} changed while you were looking at it. "
            "Here is the current version; please try again."
        )


def may_escalate(turn: Turn, ticket: Ticket) -> str | None:
    """Why the caller cannot escalate this ticket now, in the workflow's words; None if they can."""
    assert turn.caller is not None
    try:
        require_escalator(turn.services.profile, turn.caller.id, ticket)
    except TicketRuleError as refusal:
        return str(refusal)
    return None


async def handoff_form(
    turn: Turn, ticket: Ticket, typed: dict | None = None, errors: dict | None = None
) -> dict:
    """The form, filled in as typed, else from the ticket or the handoff sent back."""
    profile = turn.services.profile
    previous = await turn.services.escalations.latest(ticket.id)
    if previous is None or previous.status is not EscalationStatus.INFO_REQUESTED:
        previous = None
    asked = None
    if previous is not None:
        asked = f"{name_of(profile, previous.decided_by or '')} asked: {previous.reply}"
    if typed is None:
        events = await turn.services.tickets.events(ticket.id)
        typed = handoff_prefill(ticket, events, previous)
    link = record_link(turn.services, ticket)
    return escalation_form_card(profile, ticket, typed, errors, asked, link)


@feature.command(
    "escalate", usage="<ticket>", help="Hand a ticket to Engineering when troubleshooting is stuck"
)
async def escalate_command(turn: Turn, args: str) -> None:
    """Send the handoff form for a ticket the caller works."""
    ticket, problem = await find_ticket(turn, args)
    problem = problem or (may_escalate(turn, ticket) if ticket else None)
    if ticket is None or problem:
        await turn.say(problem or "")
        return
    await turn.send_card(await handoff_form(turn, ticket), summary=f"Escalate {ticket.number}")


@feature.action(ESCALATE, model=TicketRef)
async def open_handoff_form(turn: Turn, data: TicketRef) -> ActionResult:
    """Replace the card with the handoff form, if the caller may escalate the ticket."""
    ticket, problem = await find_ticket(turn, data.number)
    problem = problem or (may_escalate(turn, ticket) if ticket else None)
    if ticket is None or problem:
        return refused(problem or "")
    return ActionResult(card=await handoff_form(turn, ticket))


@feature.action(ESCALATION_SUBMIT, model=HandoffInputs)
async def submit_handoff(turn: Turn, data: HandoffInputs) -> ActionResult:
    """Hand off a complete form; an incomplete one comes back naming what is missing."""
    assert turn.caller is not None
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    current = await turn.services.escalations.latest(ticket.id)
    if ticket.escalated and current and current.status is EscalationStatus.REQUESTED:
        # A second click or a Teams retry: the first one already handed it off.
        headline = "This handoff was already sent to Engineering."
        return ActionResult(card=await ticket_view(turn, ticket, headline=headline))
    problem = may_escalate(turn, ticket)
    if problem:
        return refused(problem)
    profile, typed = turn.services.profile, data.answers
    handoff, errors = read_handoff(profile, typed)
    if handoff is None:
        return ActionResult(card=await handoff_form(turn, ticket, typed, errors))
    actor, at = turn.caller.id, now(turn)
    saved, refusal = await guarded(
        ticket,
        lambda: turn.services.escalations.hand_off(
            escalate(ticket, actor, profile, at, handoff), ticket.version
        ),
    )
    if saved is None:
        return ActionResult(card=await handoff_form(turn, ticket, typed, {GENERAL: refusal or ""}))
    escalated, request = saved
    told = await tell_managers(turn, escalated, request)
    card = await ticket_view(turn, escalated, headline=told.said, reach=told.reach)
    return ActionResult(card=card)


# The flows register their commands and verbs on this feature when imported.
import dialogs.escalation.queue  # noqa: E402
import dialogs.escalation.rcca  # noqa: E402
import dialogs.escalation.review  # noqa: E402, F401
