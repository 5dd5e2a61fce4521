"""Process 5, orders: where an order stands, the customer's order on a quote, and its progress.

States of an order in the order system (services.parts.orders):
    QUOTED     the parts owner answered with a quote
    ORDERED    "Customer ordered" on the quote's card (the requester or a parts owner)
    SHIPPED, DELIVERED   `parts update <order> shipped|delivered` (answer_parts)
    CANCELLED  `parts update <order> cancelled`, before it ships
Look-ups: `parts status <order or quote>`, or the request form's "Order status". Every move
is told to the people on the request who did not make it, and noted on its ticket.
"""

from __future__ import annotations

from typing import Any

from bot.turn import ActionResult, Turn
from cards.parts import PARTS_ORDERED, parts_form_card
from cards.parts_orders import order_status_card
from dialogs.parts.feature import parts as orders
from dialogs.parts.notices import RequestRef, note_on_ticket, request_card, tell
from dialogs.shared.tickets import refused
from services.forms.bounds import REFERENCE
from services.parts import Order, OrderStatus, PartsDraft, PartsRequest, PartsRuleError
from services.parts.describe import order_line, order_note
from services.parts.orders import normalized
from services.parts.people import may_record_order
from services.profile import Capability

_MOVES = (OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED)
_UPDATE_USAGE = "<order> shipped|delivered|cancelled"


async def _request_of(turn: Turn, order: Order) -> PartsRequest | None:
    """The parts request the order's quote answered, if it came from one."""
    if order.request_number is None:
        return None
    return await turn.services.parts.get(order.request_number)


async def _order_card(turn: Turn, order: Order, headline: str | None = None) -> dict:
    request = await _request_of(turn, order)
    flagged = request is not None and request.nc_tape_head
    return order_status_card(turn.services.profile, order, headline=headline, nc_tape_head=flagged)


async def _tell_about(turn: Turn, order: Order, what: str) -> list[str]:
    """Tell the request's requester and owner (but not the caller); note it on the ticket."""
    assert turn.caller is not None
    request = await _request_of(turn, order)
    if request is None:
        return []
    card = order_status_card(
        turn.services.profile, order, headline=what, nc_tape_head=request.nc_tape_head
    )
    key = f"order:{order.quote_number}:{order.status.value}"
    warnings = []
    for person_id in dict.fromkeys((request.requester_id, request.owner_id)):
        if person_id != turn.caller.id:
            warnings.append(await tell(turn, person_id, card, what, f"{key}:{person_id}"))
    warnings.append(await note_on_ticket(turn, request.ticket_number, order_note(order)))
    return [w for w in warnings if w]


async def look_up_for_form(
    turn: Turn, form_id: str, typed: dict[str, Any], draft: PartsDraft
) -> ActionResult:
    """Answer the form's order status from the order system; an unknown number is refused."""
    assert turn.caller is not None and draft.order_reference is not None
    order = await turn.services.orders.look_up(draft.order_reference)
    if order is None:
        errors = {
            "order_reference": f"The order system has no order or quote "
            f"{normalized(draft.order_reference)}. Check the number, or ask for a quote."
        }
        form = parts_form_card(turn.services.profile, form_id, typed, errors)
        return ActionResult(card=form)
    text = f"Order status looked up: {order_note(order)}"
    problem = await note_on_ticket(turn, draft.ticket_number, text)
    return ActionResult(card=await _order_card(turn, order, problem))


@orders.command(
    "parts status",
    usage="<order or quote>",
    help="Where an order or a quote stands, from the order system",
)
async def parts_status(turn: Turn, args: str) -> None:
    """Send the order system's answer (or the parts request, for a PQ number)."""
    number = args.strip()
    if not number or len(number) > REFERENCE:
        await turn.say("Which order? Give its order or quote number, like SO-1001 or Q-2201.")
        return
    if number.upper().startswith("PQ"):
        request = await turn.services.parts.get(number)
        if request is None:
            await turn.say(f"There is no parts request {number}.")
            return
        card = await request_card(turn, request)
        await turn.send_card(card, summary=f"{request.number} · {request.subject}")
        return
    order = await turn.services.orders.look_up(number)
    if order is None:
        await turn.say(f"The order system has no order or quote {normalized(number)}.")
        return
    await turn.send_card(await _order_card(turn, order), summary=order_line(order))


@orders.command(
    "parts update",
    usage=_UPDATE_USAGE,
    help="Record that an order shipped, was delivered or was cancelled",
    capability=Capability.ANSWER_PARTS,
)
async def parts_update(turn: Turn, args: str) -> None:
    """Move an order on in the order system and tell the people on its request."""
    number, _, word = args.strip().partition(" ")
    status = next((s for s in _MOVES if s.value == word.strip().lower()), None)
    if not number or len(number) > REFERENCE or status is None:
        await turn.say(f"Say which order and what happened: `parts update {_UPDATE_USAGE}`.")
        return
    try:
        order = await turn.services.orders.update_status(number, status, turn.services.clock())
    except PartsRuleError as refusal:
        await turn.say(str(refusal))
        return
    assert turn.caller is not None
    warnings = await _tell_about(turn, order, f"{turn.caller.name} recorded: {order_line(order)}.")
    headline = " ".join(["Recorded.", *warnings])
    await turn.send_card(await _order_card(turn, order, headline), summary=order_line(order))


@orders.action(PARTS_ORDERED, model=RequestRef)
async def customer_ordered(turn: Turn, data: RequestRef) -> ActionResult:
    """The customer ordered the quote: place the order, tell the others, note the ticket."""
    assert turn.caller is not None
    request = await turn.services.parts.get(data.number)
    if request is None:
        return refused(f"There is no parts request {data.number}.")
    if request.answer is None:
        return refused(f"{request.number} has no quote yet.")
    try:
        may_record_order(turn.services.profile, turn.caller.id, request)
        order = await turn.services.orders.place_order(
            request.answer.quote_number, turn.services.clock()
        )
    except PartsRuleError as refusal:
        return refused(str(refusal))
    what = f"{turn.caller.name} recorded the customer's order: {order_line(order)}."
    warnings = await _tell_about(turn, order, what)
    return ActionResult(card=await _order_card(turn, order, " ".join([what, *warnings])))
