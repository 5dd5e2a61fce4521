"""Process 5's values: parts requests, the parts owner's answer, and orders with their status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

NUMBER_PREFIX = "PQ"  # "PQ-1001": the desk's name for parts & quote requests
FIRST_NUMBER = 1000  # added to the row id, as ticket numbers are


class RequestType(StrEnum):
    """What the requester wants from the parts owner (order status is asked of the order system)."""

    QUOTE = "quote"
    ORDER_STATUS = "order_status"
    IDENTIFICATION = "identification"


REQUEST_TYPE_LABELS = {
    RequestType.QUOTE: "Quote",
    RequestType.ORDER_STATUS: "Order status",
    RequestType.IDENTIFICATION: "Part number identification",
}


class RequestStatus(StrEnum):
    """Where a request stands: waiting for the parts owner, or answered."""

    OPEN = "open"
    ANSWERED = "answered"


class OrderStatus(StrEnum):
    """An order's life in the order system, from the quote to the customer's dock."""

    QUOTED = "quoted"
    ORDERED = "ordered"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


ORDER_STATUS_LABELS = {
    OrderStatus.QUOTED: "Quoted, not ordered yet",
    OrderStatus.ORDERED: "Ordered",
    OrderStatus.SHIPPED: "Shipped",
    OrderStatus.DELIVERED: "Delivered",
    OrderStatus.CANCELLED: "Cancelled",
}

# Where an order may go next; "ordered" is reached only by placing the order on a quote.
ORDER_MOVES = {
    OrderStatus.QUOTED: frozenset({OrderStatus.ORDERED, OrderStatus.CANCELLED}),
    OrderStatus.ORDERED: frozenset({OrderStatus.SHIPPED, OrderStatus.CANCELLED}),
    OrderStatus.SHIPPED: frozenset({OrderStatus.DELIVERED}),
    OrderStatus.DELIVERED: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}


def request_number(request_id: int) -> str:
    """The printed number of the request stored under `request_id` ("PQ-1001")."""
    return f"{NUMBER_PREFIX}-{FIRST_NUMBER + request_id}"


def money(cents: int) -> str:
    """An amount in US dollars as the team writes it: "$1,234.50"."""
    return f"${cents // 100:,}.{cents % 100:02d}"


@dataclass(frozen=True)
class PartsDraft:
    """A checked request form: what is asked, for which machine, and about which ticket."""

    request_type: RequestType
    quantity: int = 1
    part_number: str | None = None
    description: str | None = None
    serial_number: str | None = None
    nc_tape_head: bool = False
    ticket_number: str | None = None
    order_reference: str | None = None  # the order or quote number an order status asks about

    @property
    def subject(self) -> str:
        """The part as people name it: its number, else the first line of its description."""
        return describe_part(self.part_number, self.description)


@dataclass(frozen=True)
class QuoteLine:
    """One line of a quote: a part, how many, and its price each."""

    part_number: str
    quantity: int
    price_cents: int  # per unit, in US cents
    description: str | None = None

    @property
    def total_cents(self) -> int:
        """Price times quantity."""
        return self.price_cents * self.quantity


def total_of(lines: tuple[QuoteLine, ...]) -> int:
    """What the lines come to together, in cents."""
    return sum(line.total_cents for line in lines)


@dataclass(frozen=True)
class PartsAnswer:
    """The parts owner's answer: the quote's lines (parts identified, priced), lead time, number."""

    lines: tuple[QuoteLine, ...]
    lead_time: str
    quote_number: str

    @property
    def total_cents(self) -> int:
        """What the quote comes to."""
        return total_of(self.lines)


@dataclass(frozen=True)
class PartsRequest:
    """A stored parts request (quote or identification) and, once given, its answer."""

    id: int
    profile: str
    request_type: RequestType
    quantity: int
    nc_tape_head: bool
    requester_id: str
    owner_id: str
    status: RequestStatus
    created_at: datetime
    updated_at: datetime
    part_number: str | None = None
    description: str | None = None
    serial_number: str | None = None
    ticket_number: str | None = None
    answer: PartsAnswer | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None

    @property
    def number(self) -> str:
        """The request's printed number ("PQ-1001")."""
        return request_number(self.id)

    @property
    def subject(self) -> str:
        """The part as people name it: its number, else the first line of its description."""
        return describe_part(self.part_number, self.description)


@dataclass(frozen=True)
class OrderSource:
    """What the system of record for orders (NetSuite) says of an order, beside the desk's own
    record: its status label and page, or, when it did not answer, a note saying so."""

    system: str  # "NetSuite"
    status: str | None = None  # its label, e.g. "Pending Fulfillment"; None: it did not answer
    link: str | None = None
    ordered_on: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class Order:
    """A quote in the order system and, once the customer orders, the order made from it.

    `source` is set when an outside order system was asked; an order only it knows (entered
    in NetSuite, not quoted through the desk) has no quote number, lines or lead time.
    """

    quote_number: str
    status: OrderStatus
    lines: tuple[QuoteLine, ...]
    lead_time: str
    updated_at: datetime
    order_number: str | None = None
    request_number: str | None = None
    source: OrderSource | None = None

    @property
    def total_cents(self) -> int:
        """What the order comes to."""
        return total_of(self.lines)

    @property
    def only_in_source(self) -> bool:
        """The outside order system knows this order and the desk has no record of it."""
        return self.source is not None and not self.quote_number


def describe_part(part_number: str | None, description: str | None) -> str:
    """A part's name for headings: "Part 4471-220", else the description's first line."""
    if part_number:
        return f"Part {part_number}"
    first = (description or "").strip().splitlines()[0] if (description or "").strip() else ""
    return first[:80] + ("…" if len(first) > 80 else "") or "Unidentified part"


class PartsRuleError(Exception):
    """A parts step the process does not allow; the message is for the person acting."""
