"""The order system with NetSuite behind it: where a sales order stands is NetSuite's answer.

Quotes, the customer's order on a quote and the moves the parts owner records (shipped,
delivered, cancelled) stay on the local database (EmbeddedOrderSystem), on purpose: they are
the desk's own steps of process 5, and turning them into NetSuite sales orders, fulfilments
and invoices needs items, prices, locations and a subsidiary the bot does not hold; order
entry stays with the people who do it in NetSuite. So only look_up asks NetSuite, and adds
its status label and page to the desk's record, or returns an order only NetSuite knows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

from services.db.database import Database
from services.installed_base.model import SalesOrder, SourceUnavailable
from services.installed_base.netsuite_orders import SOURCE, STATUS_LABELS, NetSuiteSalesOrders
from services.parts.model import Order, OrderSource, OrderStatus, PartsRuleError
from services.parts.orders import EmbeddedOrderSystem, Quote, normalized

DID_NOT_ANSWER = f"{SOURCE} did not answer; this is the desk's own record of the order."
# NetSuite's letters in the desk's terms, for an order only NetSuite knows: fulfilled (even
# partly) is shipped, billed or closed is done. The card shows NetSuite's own label.
_DESK_STATUS = {
    "A": OrderStatus.ORDERED,
    "B": OrderStatus.ORDERED,
    "C": OrderStatus.CANCELLED,
    "D": OrderStatus.SHIPPED,
    "E": OrderStatus.SHIPPED,
    "F": OrderStatus.SHIPPED,
    "G": OrderStatus.DELIVERED,
    "H": OrderStatus.DELIVERED,
}
_EPOCH = date(1970, 1, 1)
_LETTERS = {label: letter for letter, label in STATUS_LABELS.items()}


class OrderSystemUnavailable(PartsRuleError):
    """NetSuite did not answer and the desk has no record of the number asked about."""


class NetSuiteOrderSystem:
    """OrderSystem: local quotes and moves; sales orders' status read from NetSuite."""

    def __init__(self, db: Database, sales_orders: NetSuiteSalesOrders) -> None:
        """Quotes on `db`; sales orders through `sales_orders`."""
        self._local = EmbeddedOrderSystem(db)
        self._netsuite = sales_orders

    async def record_quote(self, quote: Quote, now: datetime) -> Order:
        """Store the quote locally (NetSuite gets no quote from the desk)."""
        return await self._local.record_quote(quote, now)

    async def place_order(self, quote_number: str, now: datetime) -> Order:
        """Record the customer's order on a quote locally."""
        return await self._local.place_order(quote_number, now)

    async def update_status(self, number: str, status: OrderStatus, now: datetime) -> Order:
        """Move a desk order on; a sales order only NetSuite knows is moved in NetSuite."""
        if await self._local.look_up(number) is None:
            try:
                theirs = await self._netsuite.order(number)
            except SourceUnavailable:
                theirs = None
            if theirs is not None:
                raise PartsRuleError(
                    f"{theirs.number} is a {SOURCE} sales order ({theirs.status}); "
                    f"its fulfilment is recorded in {SOURCE}, not here."
                )
        return await self._local.update_status(number, status, now)

    async def look_up(self, number: str) -> Order | None:
        """The desk's order with NetSuite's word on it, or the sales order only NetSuite has."""
        ours = await self._local.look_up(number)
        if ours is not None and ours.order_number is None:
            return ours  # a quote not ordered yet: NetSuite has nothing to say of it
        try:
            theirs = await self._netsuite.order(ours.order_number if ours else number)
        except SourceUnavailable:
            if ours is None:
                raise OrderSystemUnavailable(
                    f"{SOURCE} did not answer, and the desk has no record of "
                    f"{normalized(number)}. Try again in a few minutes."
                ) from None
            return replace(ours, source=OrderSource(SOURCE, note=DID_NOT_ANSWER))
        if theirs is None:
            return ours
        source = OrderSource(SOURCE, theirs.status, theirs.link, theirs.ordered_on)
        return replace(ours, source=source) if ours else _only_theirs(theirs, source)


def _only_theirs(sales_order: SalesOrder, source: OrderSource) -> Order:
    """A NetSuite sales order the desk never quoted, in the desk's shape."""
    ordered = sales_order.ordered_on
    return Order(
        quote_number="",
        status=_DESK_STATUS.get(_LETTERS.get(sales_order.status, ""), OrderStatus.ORDERED),
        lines=(),
        lead_time="",
        # Never shown (the card gives NetSuite's order date); kept for the shape.
        updated_at=datetime.combine(ordered or _EPOCH, time(), UTC),
        order_number=sales_order.number,
        source=source,
    )
