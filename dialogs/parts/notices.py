"""What the parts dialogs share: the request card for its viewer, ticket notes, notices.

A request may name a ticket; then each step (asked, answered, ordered, shipped…) is added to
that ticket's timeline as an internal note, through the ticket workflow like any other note.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.turn import Turn, card_message
from cards.parts import RequestView, parts_request_card
from dialogs.shared.tickets import ticket_number
from dialogs.triage.notices import delivery_warning
from services.db.outbox import OutboxMessage
from services.forms.bounds import Reference
from services.parts import OrderStatus, PartsRequest
from services.profile import Capability
from services.tickets import StaleTicket, Ticket, TicketRuleError
from services.tickets.workflow import add_note


class RequestRef(BaseModel):
    """What every parts request button carries: the request's number."""

    model_config = ConfigDict(extra="ignore")
    number: Reference


async def request_ticket(turn: Turn, text: str) -> tuple[Ticket | None, str | None]:
    """The open ticket a request form names, or why it cannot carry the request's steps."""
    number = ticket_number(turn, text)
    if number is None:
        return None, "Give a ticket number like BP-1001, or leave it empty."
    ticket = await turn.services.tickets.get(number)
    if ticket is None:
        return None, f"There is no ticket {number}."
    if not ticket.is_open:
        return None, f"{number} is resolved or closed; reopen it first, or leave it empty."
    return ticket, None


async def note_on_ticket(turn: Turn, number: str | None, text: str) -> str | None:
    """Add a parts step to the ticket's timeline; why it could not, or None when it did."""
    if number is None:
        return None
    assert turn.caller is not None
    actor, profile, at = turn.caller.id, turn.services.profile, turn.services.clock()
    for _ in range(3):
        ticket = await turn.services.tickets.get(number)
        if ticket is None:
            return f"There is no ticket {number} any more, so this step is not on a timeline."
        try:
            change = add_note(ticket, actor, profile, at, text)
            await turn.services.tickets.save(change.ticket, ticket.version, change.events)
            return None
        except TicketRuleError as refusal:  # e.g. the ticket was closed meanwhile
            return f"Not added to {number}'s timeline: {refusal}"
        except StaleTicket:
            continue  # a note only adds: put it on the version that won
    return f"{number} kept changing, so this step is not on its timeline."


async def tell(turn: Turn, person_id: str, card: dict, summary: str, dedupe_key: str) -> str | None:
    """Send a card to a person's chat; what the sender must know if it did not arrive."""
    activity = card_message(card, summary)
    sent: OutboxMessage = await turn.notifier.send(
        "person", person_id, activity, dedupe_key=dedupe_key
    )
    return await delivery_warning(turn, turn.services.profile.person(person_id), sent)


async def request_view(
    turn: Turn,
    request: PartsRequest,
    headline: str | None = None,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
) -> RequestView:
    """What this viewer sees of a request: the answer form, where the quote stands, Order."""
    caller = turn.caller
    answers = caller is not None and turn.can(Capability.ANSWER_PARTS)
    order = None
    if request.answer is not None:
        order = await turn.services.orders.look_up(request.answer.quote_number)
    orderable = order is not None and order.status is OrderStatus.QUOTED
    may_order = caller is not None and (caller.id == request.requester_id or answers)
    return RequestView(
        headline=headline,
        answer_form=answers and request.answer is None,
        values=values or {},
        errors=errors or {},
        order=order,
        order_button=orderable and may_order,
    )


async def request_card(
    turn: Turn,
    request: PartsRequest,
    headline: str | None = None,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict:
    """The request card as this viewer sees it (`values`/`errors`: a refused answer form)."""
    view = await request_view(turn, request, headline, values, errors)
    return parts_request_card(turn.services.profile, request, view)
