"""Parts steps in the words the team reads them: ticket timeline notes and card lines."""

from __future__ import annotations

from services.parts.model import (
    ORDER_STATUS_LABELS,
    REQUEST_TYPE_LABELS,
    Order,
    PartsAnswer,
    PartsRequest,
    QuoteLine,
    money,
    total_of,
)


def what_is_asked(request: PartsRequest) -> str:
    """What is asked, e.g. "Quote for 2 × Part 4471-220 (NC Tape Head)"."""
    label = REQUEST_TYPE_LABELS[request.request_type]
    flag = " (NC Tape Head)" if request.nc_tape_head else ""
    return f"{label} for {request.quantity} × {request.subject}{flag}"


def quote_line(line: QuoteLine) -> str:
    """One line of a quote: "2 × part 4471-220B at $120.50 each"."""
    return f"{line.quantity} × part {line.part_number} at {money(line.price_cents)} each"


def lines_summary(lines: tuple[QuoteLine, ...]) -> str:
    """A quote's lines and total in a sentence: "2 × part A at $1.00 each + … = $3.00"."""
    said = " + ".join(quote_line(line) for line in lines)
    return (
        f"{said}, total {money(total_of(lines))}"
        if len(lines) > 1 or lines[0].quantity > 1
        else said
    )


def answer_line(answer: PartsAnswer) -> str:
    """The answer in one line: "2 × part 4471-220B at $120.50 each, total $241.00, lead…"."""
    return (
        f"{lines_summary(answer.lines)}, lead time {answer.lead_time}, quote {answer.quote_number}"
    )


def asked_note(request: PartsRequest, owner_name: str) -> str:
    """What the timeline says of a request when it is filed."""
    return f"{what_is_asked(request)}, asked of {owner_name}."


def answered_note(request: PartsRequest) -> str:
    """What the timeline says of a request when the parts owner answers."""
    assert request.answer is not None
    return f"{answer_line(request.answer)}."


def order_line(order: Order) -> str:
    """Where an order stands, e.g. "Order SO-1001 (quote Q-2201): Shipped"."""
    if order.only_in_source and order.source is not None:
        said = order.source.status or ORDER_STATUS_LABELS[order.status]
        return f"Order {order.order_number}: {said} in {order.source.system}"
    if order.order_number:
        name = f"Order {order.order_number} (quote {order.quote_number})"
    else:
        name = f"Quote {order.quote_number}"
    return f"{name}: {ORDER_STATUS_LABELS[order.status]}"


def order_note(order: Order) -> str:
    """The timeline note when an order is placed, moves on, or is looked up."""
    if not order.lines:
        return f"{order_line(order)}."
    return f"{order_line(order)} · {lines_summary(order.lines)}."
