"""The installed base and the customer directory as a look-up reads them: every call through
the cache and the timeout (services.bp_search.sources), keyed per query and per record."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import TypeVar

from services.bp_search.sources import Sources, Trail
from services.installed_base import (
    Company,
    Customer,
    CustomerDirectory,
    InstalledBase,
    Machine,
    SalesOrder,
    SourceUnavailable,
)

T = TypeVar("T")
ORDERS_SHOWN = 5  # a customer's open sales orders on a card
MACHINES_SHOWN = 10  # a customer's machines on its card


class Reader:
    """One method per question BP Search asks; each notes on the trail a source that failed."""

    def __init__(self, base: InstalledBase, crm: CustomerDirectory, sources: Sources) -> None:
        self.base = base
        self.crm = crm
        self._sources = sources

    async def ask(self, trail: Trail, key: Hashable, call: Callable[[], Awaitable[T]]) -> T:
        """An installed-base call; SourceUnavailable when it failed and nothing was cached."""
        return await self._sources.ask(trail, self.base.source, key, call)

    async def maybe(
        self,
        trail: Trail,
        key: Hashable,
        call: Callable[[], Awaitable[T]],
        default: T,
        source: str | None = None,
    ) -> T:
        """A call whose failure leaves `default` in its place (the gap is on the trail)."""
        try:
            return await self._sources.ask(trail, source or self.base.source, key, call)
        except SourceUnavailable:
            return default

    def remember(self, trail: Trail, machines: list[Machine]) -> None:
        """Keep the machines a search returned, so picking one asks nothing again."""
        for machine in machines:
            self._sources.remember(("machine", machine.serial.upper()), machine, trail.now)

    async def machine(self, trail: Trail, serial: str) -> Machine | None:
        """The machine with this serial; None when unknown or its source is down."""
        key = ("machine", serial.upper())
        return await self.maybe(trail, key, lambda: self.base.machine(serial), None)

    async def customer(self, trail: Trail, ref: str) -> Customer | None:
        """The customer with its sites and main contact."""
        return await self.maybe(trail, ("customer", ref), lambda: self.base.customer(ref), None)

    async def order(self, trail: Trail, number: str) -> SalesOrder | None:
        """The sales order with this number."""
        key = ("order", number.upper())
        return await self.maybe(trail, key, lambda: self.base.order(number), None)

    async def machines_of(self, trail: Trail, ref: str) -> list[Machine]:
        """A customer's first machines (one more than shown, to say there are more)."""
        call = lambda: self.base.machines_of(ref, MACHINES_SHOWN + 1)  # noqa: E731
        return await self.maybe(trail, ("machines_of", ref), call, [])

    async def open_orders(self, trail: Trail, ref: str) -> list[SalesOrder]:
        """A customer's open sales orders."""
        call = lambda: self.base.open_orders(ref, ORDERS_SHOWN)  # noqa: E731
        return await self.maybe(trail, ("open_orders", ref), call, [])

    async def company(self, trail: Trail, name: str) -> Company | None:
        """The CRM's company for a customer's name."""
        if not name.strip():
            return None
        key = ("company", name.strip().lower())
        call = lambda: self.crm.company(name)  # noqa: E731
        return await self.maybe(trail, key, call, None, source=self.crm.source)
