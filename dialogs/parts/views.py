"""Parts requests and orders as the viewer sees them: what they may do is decided here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.turn import Turn
from cards.parts_orders import order_status_card
from cards.parts_requests import RequestView, parts_request_card
from dialogs.shared.links import number_link
from services.parts import Order, OrderStatus, PartsRequest, PartsRuleError
from services.parts.people import buttons_for
from services.profile import Capability


async def request_of(turn: Turn, order: Order) -> PartsRequest | None:
    """The parts request the order's quote answered, if it came from one."""
    if order.request_number is None:
        return None
    return await turn.services.parts.get(order.request_number)


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
        try:
            order = await turn.services.orders.look_up(request.answer.quote_number)
        except PartsRuleError:
            order = None  # the request card still shows; its order line waits for NetSuite
    orderable = order is not None and order.status is OrderStatus.QUOTED
    may_order = caller is not None and (caller.id == request.requester_id or answers)
    return RequestView(
        headline=headline,
        answer_form=answers and request.answer is None,
        values=values or {},
        errors=errors or {},
        order=order,
        order_button=orderable and may_order,
        ticket_link=await number_link(turn.services, request.ticket_number),
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


async def order_card(turn: Turn, order: Order, headline: str | None = None) -> dict:
    """An order as the order system has it, flagged for an NC Tape Head, with the viewer's moves."""
    request = await request_of(turn, order)
    flagged = request is not None and request.nc_tape_head
    profile = turn.services.profile
    moves = buttons_for(profile, turn.caller.id, order) if turn.caller is not None else ()
    return order_status_card(profile, order, headline=headline, nc_tape_head=flagged, moves=moves)
