"""The routines' commands and card verbs: `check`, `review`, and a customer message's buttons.

The scheduled routines register on this feature: daily.py (the daily ticket check), weekly.py
(the weekly queue review), updates.py (escalated tickets' status updates); handback.py hands
the owner a queued message the system of record would not send.
"""

from __future__ import annotations

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.customer_message import SEND, SENT, message_card, message_done_card
from dialogs.routines.inputs import MessageInputs
from dialogs.routines.notices import HANDED_OVER
from dialogs.shared.links import record_link
from dialogs.shared.tickets import find_ticket, now, refused
from services.routines.messaging import record, write_to_customer
from services.tickets import Ticket, TicketRuleError
from services.tickets.customer_message import BY_HAND, Purpose, last_sent

feature = Feature("routines")


async def _ticket_and_purpose(
    turn: Turn, data: MessageInputs
) -> tuple[Ticket, Purpose] | ActionResult:
    """The ticket and purpose a message card names, or the refusal to answer with."""
    try:
        purpose = Purpose(data.purpose)
    except ValueError:
        purpose = None
    # Only the routines' own messages are handed over on a message card.
    if purpose not in HANDED_OVER:
        return refused("That card does not say what the message is for; open the ticket.")
    if not data.text.strip():
        return refused("The message to the customer needs some text.")
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    return ticket, purpose


async def _warned_already(turn: Turn, ticket: Ticket, purpose: Purpose) -> bool:
    """A closing warning recorded in the ticket's current status: a second one would only move
    the close later, so a repeated press is told instead."""
    if purpose is not Purpose.CLOSE_WARNING:
        return False
    since = ticket.status_changed_at or ticket.updated_at
    events = await turn.services.tickets.events(ticket.id)
    return last_sent(events, purpose, since) is not None


@feature.action(SENT, model=MessageInputs)
async def sent_it(turn: Turn, data: MessageInputs) -> ActionResult:
    """The person sent the text themselves: record it as sent by hand."""
    assert turn.caller is not None
    found = await _ticket_and_purpose(turn, data)
    if isinstance(found, ActionResult):
        return found
    ticket, purpose = found
    if await _warned_already(turn, ticket, purpose):
        return refused(f"The warning to {ticket.number}'s customer is already recorded.")
    at = now(turn)
    try:
        saved = await record(turn.services, ticket, data.text, purpose, turn.caller.id, at, BY_HAND)
    except TicketRuleError as refusal:
        return refused(str(refusal))
    return _done(turn, saved, purpose, data.text, BY_HAND)


@feature.action(SEND, model=MessageInputs)
async def send_it(turn: Turn, data: MessageInputs) -> ActionResult:
    """Send the text through the system of record; if it will not, say why and keep the text."""
    assert turn.caller is not None
    found = await _ticket_and_purpose(turn, data)
    if isinstance(found, ActionResult):
        return found
    ticket, purpose = found
    services, at = turn.services, now(turn)
    try:
        outcome = await write_to_customer(services, ticket, data.text, purpose, turn.caller.id, at)
    except TicketRuleError as refusal:
        return refused(str(refusal))
    if outcome.sent or outcome.queued:
        return _done(turn, outcome.ticket, purpose, data.text, outcome.via, outcome.queued)
    # Kept as typed: a retry sends it again; a refusal leaves it for the person to send.
    problem = f"Not sent yet: {outcome.why_not}. Try again in a minute." if outcome.retry else ""
    why_not = "" if outcome.retry else outcome.why_not
    card = message_card(
        services.profile,
        ticket,
        purpose,
        data.text,
        why_not=why_not,
        problem=problem,
        link=record_link(services, ticket),
    )
    return ActionResult(card=card)


def _done(
    turn: Turn, ticket: Ticket, purpose: Purpose, text: str, via: str, queued: bool = False
) -> ActionResult:
    assert turn.caller is not None
    card = message_done_card(
        turn.services.profile,
        ticket,
        purpose,
        text,
        sender=turn.caller.id,
        at=now(turn),
        via=via,
        link=record_link(turn.services, ticket),
        queued=queued,
    )
    return ActionResult(card=card)


# The scheduled routines and the `check` and `review` commands register when imported.
import dialogs.routines.daily  # noqa: E402
import dialogs.routines.handback  # noqa: E402
import dialogs.routines.updates  # noqa: E402
import dialogs.routines.weekly  # noqa: E402, F401
