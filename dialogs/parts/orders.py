"""Process 5, orders: where an order stands, the customer's order on a quote, and its progress.

Shipped and Delivered are buttons on the order's card for the parts owner, as well as
`parts update`. Every move is told to the people on the request who did not make it, and
lands on its ticket's timeline.
"""

from __future__ import annotations

from bot.registrations import served_by
from bot.turn import ActionResult, Turn
from cards.help import readable_usage
from cards.parts_orders import PARTS_DELIVERED, PARTS_SHIPPED
from cards.parts_requests import PARTS_ORDERED
from dialogs.parts.feature import feature
from dialogs.parts.inputs import RequestRef
from dialogs.parts.notices import tell_about_order
from dialogs.parts.views import order_card, request_card, request_of
from dialogs.shared.tickets import refused
from services.forms.bounds import REFERENCE
from services.parts import ORDER_STATUS_LABELS, Order, OrderStatus, PartsRuleError
from services.parts.describe import order_line
from services.parts.model import ORDER_MOVES
from services.parts.orders import normalized
from services.parts.people import may_record_order
from services.profile import Capability

_MOVES = (OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED)
_UPDATE_USAGE = "<order> shipped|delivered|cancelled"


async def _told(turn: Turn, order: Order, what: str) -> list[str]:
    """Tell the people on the order's request, if it came from one; what the caller must know."""
    request = await request_of(turn, order)
    return [] if request is None else await tell_about_order(turn, order, request, what)


@feature.command(
    "parts status",
    usage="<order or quote>",
    help="Where an order or a quote stands, from the order system",
    serves=served_by(Capability.ANSWER_PARTS),
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
    try:
        order = await turn.services.orders.look_up(number)
    except PartsRuleError as unanswered:  # NetSuite down and no record here
        await turn.say(str(unanswered))
        return
    if order is None:
        await turn.say(f"The order system has no order or quote {normalized(number)}.")
        return
    await turn.send_card(await order_card(turn, order), summary=order_line(order))


async def _move(turn: Turn, number: str, status: OrderStatus) -> tuple[dict | None, str]:
    """Move an order on and tell the people on its request: its card, or why not."""
    assert turn.caller is not None
    try:
        order = await turn.services.orders.update_status(number, status, turn.services.clock())
    except PartsRuleError as refusal:
        return None, str(refusal)
    notes = await _told(turn, order, f"{turn.caller.name} recorded: {order_line(order)}.")
    return await order_card(turn, order, " ".join(["Recorded.", *notes])), order_line(order)


async def _wrong_status(turn: Turn, number: str, word: str) -> str:
    """A status `parts update` does not know, answered with the moves the order allows."""
    said = f"“{word}” is not" if word else "Say"
    usage = f"`parts update {readable_usage(_UPDATE_USAGE)}`"
    try:
        order = await turn.services.orders.look_up(number) if number else None
    except PartsRuleError:
        order = None  # the usage alone, then
    if order is None:
        return f"{said} what happened to the order: shipped, delivered or cancelled ({usage})."
    allowed = [s.value for s in _MOVES if s in ORDER_MOVES[order.status]]
    name, now = order.order_number or order.quote_number, ORDER_STATUS_LABELS[order.status]
    options = " or ".join(allowed) if allowed else "nothing more: it is final"
    return f"{said} a move for {name}. It is {now.lower()}; it can be {options}."


@feature.command(
    "parts update",
    usage=_UPDATE_USAGE,
    help="Record that an order shipped, was delivered or was cancelled",
    capability=Capability.ANSWER_PARTS,
)
async def parts_update(turn: Turn, args: str) -> None:
    """Move an order on in the order system and tell the people on its request."""
    number, _, word = args.strip().partition(" ")
    word = word.strip().lower()[:REFERENCE]
    status = next((s for s in _MOVES if s.value == word), None)
    if not number or len(number) > REFERENCE or status is None:
        await turn.say(await _wrong_status(turn, number[:REFERENCE], word))
        return
    card, said = await _move(turn, number, status)
    if card is None:
        await turn.say(said)
        return
    await turn.send_card(card, summary=said)


async def _pressed(turn: Turn, data: RequestRef, status: OrderStatus) -> ActionResult:
    card, said = await _move(turn, data.number, status)
    return ActionResult(card=card) if card is not None else refused(said)


@feature.action(PARTS_SHIPPED, model=RequestRef, capability=Capability.ANSWER_PARTS)
async def shipped(turn: Turn, data: RequestRef) -> ActionResult:
    """Shipped, pressed on the order's card."""
    return await _pressed(turn, data, OrderStatus.SHIPPED)


@feature.action(PARTS_DELIVERED, model=RequestRef, capability=Capability.ANSWER_PARTS)
async def delivered(turn: Turn, data: RequestRef) -> ActionResult:
    """Delivered, pressed on the order's card."""
    return await _pressed(turn, data, OrderStatus.DELIVERED)


@feature.action(PARTS_ORDERED, model=RequestRef)
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
    notes = await _told(turn, order, what)
    return ActionResult(card=await order_card(turn, order, " ".join([what, *notes])))
