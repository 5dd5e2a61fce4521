"""The parts owner's answer (process 5): checked, recorded once, quoted, and told.

The answer goes to the request, the quote to the order system, the card to the requester's
chat and, when the request names a ticket, a note to its timeline.
"""

from __future__ import annotations

from typing import Any

from bot.turn import ActionResult, Turn
from cards.parts import RequestView, parts_request_card
from dialogs.parts.notices import note_on_ticket, request_card, tell
from services.parts import OrderStatus, PartsRequest, PartsRuleError, Quote, check_answer
from services.parts.describe import answered_note
from services.tickets.rules import name_of


async def _taken(turn: Turn, quote_number: str) -> str | None:
    """Why this quote number cannot be used, or None: quote numbers name one quote each."""
    order = await turn.services.orders.look_up(quote_number)
    if order is None:
        return None
    used_by = f" by {order.request_number}" if order.request_number else ""
    return f"Quote number {order.quote_number} is already used{used_by}."


async def _tell_requester(turn: Turn, request: PartsRequest) -> list[str | None]:
    """Record the quote, send the requester the answer, note it on the ticket."""
    assert turn.caller is not None and request.answer is not None
    services, answer = turn.services, request.answer
    warnings: list[str | None] = []
    quote = Quote(
        answer.quote_number,
        answer.part_number,
        request.quantity,
        answer.price_cents,
        answer.lead_time,
        request.number,
    )
    order = None
    try:
        order = await services.orders.record_quote(quote, services.clock())
    except PartsRuleError as refusal:  # taken between the check and now: the answer stands
        warnings.append(str(refusal))
    told = f"{turn.caller.name} answered {request.number}."
    view = RequestView(
        headline=told,
        order=order,
        order_button=order is not None and order.status is OrderStatus.QUOTED,
    )
    card = parts_request_card(services.profile, request, view)
    key = f"parts:{request.number}:answered"
    warnings.append(await tell(turn, request.requester_id, card, told, key))
    warnings.append(await note_on_ticket(turn, request.ticket_number, answered_note(request)))
    return warnings


async def record_answer(turn: Turn, request: PartsRequest, typed: dict[str, Any]) -> ActionResult:
    """Answer an open request; the same card with errors and values kept when it is refused."""
    assert turn.caller is not None
    services, profile = turn.services, turn.services.profile
    if request.answer is not None:
        who = name_of(profile, request.answered_by or "")
        return ActionResult(card=await request_card(turn, request, f"Already answered by {who}."))
    checked = check_answer(profile, typed)
    errors = dict(checked.errors)
    if checked.answer is not None:
        taken = await _taken(turn, checked.answer.quote_number)
        errors.update({"quote_number": taken} if taken else {})
    if errors or checked.answer is None:
        return ActionResult(card=await request_card(turn, request, None, typed, errors))
    try:
        answered = await services.parts.answer(
            request, checked.answer, turn.caller.id, services.clock()
        )
    except PartsRuleError as refusal:  # answered meanwhile, by someone else
        current = await services.parts.get(request.number) or request
        return ActionResult(card=await request_card(turn, current, str(refusal)))
    warnings = await _tell_requester(turn, answered)
    requester = name_of(profile, answered.requester_id)
    headline = " ".join([f"Answer sent to {requester}.", *(w for w in warnings if w)])
    return ActionResult(card=await request_card(turn, answered, headline))
