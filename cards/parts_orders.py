"""Process 5's orders: where an order (or a quote not ordered yet) stands in the order system."""

from __future__ import annotations

from microsoft_teams.cards import CardElement, ExecuteAction, Fact, FactSet, TextBlock

from cards.parts_requests import PARTS_OPEN, nc_tape_head_flag
from cards.render import card, heading, render
from services.parts import ORDER_STATUS_LABELS, Order
from services.parts.model import money
from services.profile import Profile
from services.tickets.rules import local_time


def order_status_card(
    profile: Profile,
    order: Order,
    *,
    headline: str | None = None,
    nc_tape_head: bool = False,
) -> dict:
    """An order (or a quote not ordered yet) as the order system has it."""
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
        ("Part number", order.part_number),
        ("Quantity", str(order.quantity)),
        ("Price each", money(order.price_cents)),
        ("Total", money(order.total_cents)),
        ("Lead time", order.lead_time),
        ("Parts request", order.request_number or ""),
        ("Last change", local_time(profile, order.updated_at)),
    ]
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in pairs if v]))
    actions = []
    if order.request_number:
        data = {"number": order.request_number}
        actions.append(ExecuteAction(title="Open request", verb=PARTS_OPEN, data=data))
    return render(card(body, actions))
