"""The order-system port: what the parts process needs of wherever quotes and orders live.

BestPack's orders live in NetSuite. EmbeddedOrderSystem is the default on the local database,
so everything works with no credentials; a NetSuite implementation (issue 14) takes the same
Protocol, its client in services.clients, and services.app_services picks one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, String, cast, insert, literal, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import parts_orders
from services.parts.lines import lines_from_json, lines_json
from services.parts.model import (
    FIRST_NUMBER,
    ORDER_MOVES,
    ORDER_STATUS_LABELS,
    Order,
    OrderStatus,
    PartsRuleError,
    QuoteLine,
)

ORDER_PREFIX = "SO"  # the embedded system's sales order numbers: "SO-1001"


@dataclass(frozen=True)
class Quote:
    """A quote the parts owner gave: its lines (what, how many, at what price) and lead time."""

    quote_number: str
    lines: tuple[QuoteLine, ...]
    lead_time: str
    request_number: str | None = None


class OrderSystem(Protocol):
    """What the parts process asks of the order system: quotes, orders and where they stand.

    Numbers are matched case-insensitively. Every method raises PartsRuleError, with a sentence
    for the person, when it refuses.
    """

    async def record_quote(self, quote: Quote, now: datetime) -> Order:
        """Make the quote known as "quoted"; refused if its number is already taken."""
        ...

    async def look_up(self, number: str) -> Order | None:
        """The order or quote with this number (an order number or a quote number), if any."""
        ...

    async def place_order(self, quote_number: str, now: datetime) -> Order:
        """The customer ordered a quote: it becomes an order with an order number."""
        ...

    async def update_status(self, number: str, status: OrderStatus, now: datetime) -> Order:
        """Move an order on (shipped, delivered) or cancel it, as ORDER_MOVES allows."""
        ...


def normalized(number: str) -> str:
    """Order and quote numbers compare without case or surrounding space."""
    return number.strip().upper()


def _order(row: Mapping[str, Any]) -> Order:
    return Order(
        quote_number=row["quote_number"],
        status=OrderStatus(row["status"]),
        lines=lines_from_json(row["quote_lines"]),
        lead_time=row["lead_time"],
        updated_at=row["updated_at"],
        order_number=row["order_number"],
        request_number=row["request_number"],
    )


def refuse_move(order: Order, status: OrderStatus) -> None:
    """Refuse a status change ORDER_MOVES does not allow, naming where the order stands."""
    if status in ORDER_MOVES[order.status]:
        return
    name = order.order_number or order.quote_number
    now = ORDER_STATUS_LABELS[order.status].lower()
    if status is order.status:
        raise PartsRuleError(f"{name} is already {now}.")
    allowed = ", ".join(sorted(s.value for s in ORDER_MOVES[order.status])) or "nothing"
    raise PartsRuleError(f"{name} is {now}; it can move to {allowed}, not {status.value}.")


class EmbeddedOrderSystem:
    """The local database as the order system (table parts_orders)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def record_quote(self, quote: Quote, now: datetime) -> Order:
        """Store the quote as "quoted"; refused if its number is already taken."""
        number = normalized(quote.quote_number)
        values = {
            "quote_number": number,
            "status": OrderStatus.QUOTED.value,
            "request_number": quote.request_number,
            "quote_lines": lines_json(quote.lines),
            "lead_time": quote.lead_time,
            "created_at": now,
            "updated_at": now,
        }
        try:
            async with self._db.engine.begin() as connection:
                await connection.execute(insert(parts_orders).values(**values))
                stored = await self._fetch(connection, parts_orders.c.quote_number == number)
        except IntegrityError:
            taken = await self.look_up(number)
            owner = f" by {taken.request_number}" if taken and taken.request_number else ""
            raise PartsRuleError(f"Quote number {number} is already used{owner}.") from None
        assert stored is not None  # inserted in this very transaction
        return stored

    async def look_up(self, number: str) -> Order | None:
        """The order or quote with this number, if any."""
        wanted = normalized(number)
        async with self._db.engine.connect() as connection:
            return await self._fetch(
                connection,
                or_(parts_orders.c.quote_number == wanted, parts_orders.c.order_number == wanted),
            )

    async def place_order(self, quote_number: str, now: datetime) -> Order:
        """Turn a quote into an order numbered from its row ("SO-1001")."""
        order = await self._existing(quote_number)
        refuse_move(order, OrderStatus.ORDERED)
        # Numbered in the UPDATE itself: reading the id first would make this SQLite
        # transaction a reader turning writer, which fails at once while another writes.
        number = literal(f"{ORDER_PREFIX}-", String) + cast(
            parts_orders.c.id + FIRST_NUMBER, String(32)
        )
        async with self._db.engine.begin() as connection:
            return await self._move(
                connection, order, OrderStatus.ORDERED, now, order_number=number
            )

    async def update_status(self, number: str, status: OrderStatus, now: datetime) -> Order:
        """Move an order on as ORDER_MOVES allows; placing an order is place_order's job."""
        order = await self._existing(number)
        if status is OrderStatus.ORDERED and order.status is OrderStatus.QUOTED:
            raise PartsRuleError(
                f"{order.quote_number} becomes an order when the customer orders it "
                "(Customer ordered on the quote's card)."
            )
        refuse_move(order, status)
        async with self._db.engine.begin() as connection:
            return await self._move(connection, order, status, now)

    async def _existing(self, number: str) -> Order:
        order = await self.look_up(number)
        if order is None:
            raise PartsRuleError(f"The order system has no order or quote {normalized(number)}.")
        return order

    async def _move(
        self,
        connection: AsyncConnection,
        order: Order,
        status: OrderStatus,
        now: datetime,
        **extra: Any,
    ) -> Order:
        # Compare-and-swap on the status read: a concurrent move makes this one fail cleanly.
        where = parts_orders.c.quote_number == order.quote_number
        result = await connection.execute(
            update(parts_orders)
            .where(where, parts_orders.c.status == order.status.value)
            .values(status=status.value, updated_at=now, **extra)
        )
        if result.rowcount != 1:
            raise PartsRuleError(
                f"{order.order_number or order.quote_number} changed meanwhile; look it up again."
            )
        moved = await self._fetch(connection, where)
        assert moved is not None  # updated in this very transaction
        return moved

    async def _fetch(
        self, connection: AsyncConnection, condition: ColumnElement[bool]
    ) -> Order | None:
        row = (await connection.execute(select(parts_orders).where(condition))).mappings().first()
        return _order(row) if row is not None else None
