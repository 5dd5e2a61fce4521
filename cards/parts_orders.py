"""Process 5's orders: where an order (or a quote not ordered yet) stands in the order system."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    CardElement,
    ExecuteAction,
    Fact,
    FactSet,
    OpenUrlAction,
    TextBlock,
)

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
    source = order.source
    # The order system of record's word first: NetSuite's label when it answered.
    said = (source.status if source else None) or ORDER_STATUS_LABELS[order.status]
    body: list[CardElement] = [heading(f"{title} · {said}")]
    for line in (headline, source.note if source else None):
        if line:
            body.append(TextBlock(text=line, weight="Bolder", color="Accent", wrap=True))
    if nc_tape_head:
        body.append(nc_tape_head_flag())
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in _pairs(profile, order) if v]))
    if order.lines:
        body.append(FactSet(facts=line_facts(order.lines)))
    actions: list[OpenUrlAction | ExecuteAction] = []
    if source is not None and source.link and source.link.startswith("https://"):
        actions.append(OpenUrlAction(title=f"Open in {source.system}", url=source.link))
    number = {"number": order.order_number or order.quote_number}
    for status in moves:
        title = ORDER_STATUS_LABELS[status]
        actions.append(ExecuteAction(title=title, verb=MOVE_VERBS[status], data=number))
    if order.request_number:
        data = {"number": order.request_number}
        actions.append(ExecuteAction(title="Open request", verb=PARTS_OPEN, data=data))
    return render(card(body, actions))


def _pairs(profile: Profile, order: Order) -> list[tuple[str, str]]:
    """The order's facts; what the outside order system says comes under its name."""
    source = order.source
    if order.only_in_source and source is not None:
        ordered = source.ordered_on.strftime("%a %d %b %Y") if source.ordered_on else ""
        return [("Status", source.status or ""), ("Order number", order.order_number or ""),
                ("Ordered on", ordered)]  # fmt: skip
    theirs = ("", "") if source is None else (f"In {source.system}", source.status or "")
    return [
        ("Status", ORDER_STATUS_LABELS[order.status]),
        theirs,
        ("Order number", order.order_number or ""),
        ("Quote number", order.quote_number),
        ("Lead time", order.lead_time),
        ("Parts request", order.request_number or ""),
        ("Last change", local_time(profile, order.updated_at)),
    ]
