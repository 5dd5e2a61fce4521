"""Parts steps in the words the team reads them: ticket timeline notes and card lines."""

from __future__ import annotations

from services.parts.model import (
    ORDER_STATUS_LABELS,
    REQUEST_TYPE_LABELS,
    Order,
    PartsAnswer,
    PartsRequest,
    money,
)


def what_is_asked(request: PartsRequest) -> str:
    """What is asked, e.g. "Quote for 2 × Part 4471-220 (NC Tape Head)"."""
    label = REQUEST_TYPE_LABELS[request.request_type]
    flag = " (NC Tape Head)" if request.nc_tape_head else ""
    return f"{label} for {request.quantity} × {request.subject}{flag}"


def answer_line(request: PartsRequest, answer: PartsAnswer) -> str:
    """The answer in one line: "part 4471-220, $120.00 each ($240.00 for 2), lead time…"."""
    total = ""
    if request.quantity > 1:
        total = f" ({money(answer.price_cents * request.quantity)} for {request.quantity})"
    return (
        f"part {answer.part_number}, {money(answer.price_cents)} each{total}, "
        f"lead time {answer.lead_time}, quote {answer.quote_number}"
    )


def asked_note(request: PartsRequest, owner_name: str) -> str:
    """The timeline note when a request is filed."""
    return f"Parts request {request.number} to {owner_name}: {what_is_asked(request)}."


def answered_note(request: PartsRequest) -> str:
    """The timeline note when the parts owner answers."""
    assert request.answer is not None
    return f"Parts request {request.number} answered: {answer_line(request, request.answer)}."


def order_line(order: Order) -> str:
    """Where an order stands, e.g. "Order SO-1001 (quote Q-2201): Shipped"."""
    if order.order_number:
        name = f"Order {order.order_number} (quote {order.quote_number})"
    else:
        name = f"Quote {order.quote_number}"
    return f"{name}: {ORDER_STATUS_LABELS[order.status]}"


def order_note(order: Order) -> str:
    """The timeline note when an order is placed, moves on, or is looked up."""
    about = f" for {order.request_number}" if order.request_number else ""
    return f"{order_line(order)}{about} · {order.quantity} × part {order.part_number}."
