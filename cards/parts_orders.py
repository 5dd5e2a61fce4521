"""Process 5's lists and look-ups: where an order stands, and the requests awaiting an answer."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    ActionSet,
    CardElement,
    Column,
    ColumnSet,
    ExecuteAction,
    Fact,
    FactSet,
    TextBlock,
)

from cards.parts import PARTS_OPEN, nc_tape_head_flag
from cards.render import card, heading, note, render
from services.parts import ORDER_STATUS_LABELS, REQUEST_TYPE_LABELS, Order, PartsRequest
from services.parts.model import money
from services.profile import Profile
from services.tickets.rules import local_time, name_of

QUEUE_LIMIT = 20  # a longer list stops being a to-do list; the rest is counted


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


def _row(profile: Profile, request: PartsRequest) -> ColumnSet:
    flag = " · **NC Tape Head**" if request.nc_tape_head else ""
    details = [
        REQUEST_TYPE_LABELS[request.request_type],
        f"{request.quantity} ×",
        f"from {name_of(profile, request.requester_id)}",
        local_time(profile, request.created_at),
    ]
    text = Column(
        width="stretch",
        items=[
            TextBlock(text=f"**{request.number}** · {request.subject}{flag}", wrap=True),
            TextBlock(
                text=" · ".join(details), wrap=True, is_subtle=True, size="Small", spacing="None"
            ),
        ],
    )
    button = ExecuteAction(title="Open", verb=PARTS_OPEN, data={"number": request.number})
    return ColumnSet(
        columns=[text, Column(width="auto", items=[ActionSet(actions=[button])])],
        separator=True,
    )


def parts_queue_card(profile: Profile, requests: Sequence[PartsRequest]) -> dict:
    """The parts requests waiting for an answer, oldest first; each opens its answer form."""
    body: list[CardElement] = [heading(f"Parts requests waiting ({len(requests)})")]
    if not requests:
        body.append(note("Nothing is waiting for an answer."))
    body.extend(_row(profile, request) for request in requests[:QUEUE_LIMIT])
    if len(requests) > QUEUE_LIMIT:
        body.append(note(f"…and {len(requests) - QUEUE_LIMIT} more, oldest first."))
    return render(card(body))
