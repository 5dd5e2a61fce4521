"""Process 5's orders: where an order (or a quote not ordered yet) stands in the order system."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import CardElement, ExecuteAction, Fact, FactSet, TextBlock

from cards.parts_requests import PARTS_OPEN, line_facts, nc_tape_head_flag
from cards.render import card, heading, render
from services.parts import ORDER_STATUS_LABELS, Order, OrderStatus
from services.profile import Profile
from services.tickets.rules import local_time

PARTS_SHIPPED = "parts.shipped"
PARTS_DELIVERED = "parts.delivered"
MOVE_VERBS = {OrderStatus.SHIPPED: PARTS_SHIPPED, OrderStatus.DELIVERED: PARTS_DELIVERED}


def order_status_card(
    profile: Profile,
    order: Order,
    *,
    headline: str | None = None,
    nc_tape_head: bool = False,
    moves: Sequence[OrderStatus] = (),
) -> dict:
    """An order (or a quote not ordered yet) as the order system has it; `moves`: its buttons."""
    title = f"Order {order.order_number}" if order.order_number else f"Quote {order.quote_number}"
    body: list[CardElement] = [heading(f"{title} · {ORDER_STATUS_LABELS[order.status]}")]
    if headline:
        body.append(TextBlock(text=headline, weight="Bolder", color="Accent", wrap=True))
    if nc_tape_head:
        body.append(nc_tape_head_flag())
    pairs = [
        ("Status", ORDER_STATUS_LABELS[order.status]),
        ("Order number", order.order_number or ""),
        ("Quote number", order.quote_number),
        ("Lead time", order.lead_time),
        ("Parts request", order.request_number or ""),
        ("Last change", local_time(profile, order.updated_at)),
    ]
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in pairs if v]))
    body.append(FactSet(facts=line_facts(order.lines)))
    actions = []
    number = {"number": order.order_number or order.quote_number}
    for status in moves:
        title = ORDER_STATUS_LABELS[status]
        actions.append(ExecuteAction(title=title, verb=MOVE_VERBS[status], data=number))
    if order.request_number:
        data = {"number": order.request_number}
        actions.append(ExecuteAction(title="Open request", verb=PARTS_OPEN, data=data))
    return render(card(body, actions))
