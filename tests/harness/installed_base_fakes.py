"""An installed base in memory for unit tests of what sits in front of the port: it follows the
port's search rules, counts its look-ups, and can be held (slow) or down."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from services.installed_base import Customer, Machine, SalesOrder, SourceUnavailable


@dataclass
class CountingBase:
    """InstalledBase over lists; `hold` makes every look-up wait, `down` makes it fail."""

    machines: list[Machine] = field(default_factory=list)
    customers: list[Customer] = field(default_factory=list)
    source: str = "NetSuite"
    asked: list[tuple[str, str]] = field(default_factory=list)
    hold: asyncio.Event | None = None
    down: bool = False

    async def _look(self, what: str, text: str) -> None:
        self.asked.append((what, text))
        if self.hold is not None:
            await self.hold.wait()
        if self.down:
            raise SourceUnavailable(self.source, "503 Service Unavailable")

    async def machine(self, serial: str) -> Machine | None:
        """The machine with this serial, any case."""
        await self._look("machine", serial)
        return next((m for m in self.machines if m.serial.lower() == serial.lower()), None)

    async def find_machines(self, text: str, limit: int) -> list[Machine]:
        """Serial starts with the text, or the customer's name contains it."""
        await self._look("find_machines", text)
        folded = text.casefold()
        hits = [
            m
            for m in self.machines
            if m.serial.casefold().startswith(folded) or folded in m.customer_name.casefold()
        ]
        return hits[:limit]

    async def find_customers(self, text: str, limit: int) -> list[Customer]:
        """Name contains the text."""
        await self._look("find_customers", text)
        return [c for c in self.customers if text.casefold() in c.name.casefold()][:limit]

    async def customer(self, ref: str) -> Customer | None:
        """One customer by ref."""
        await self._look("customer", ref)
        return next((c for c in self.customers if c.ref == ref), None)

    async def machines_of(self, customer_ref: str, limit: int) -> list[Machine]:
        """A customer's machines."""
        return [m for m in self.machines if m.customer_ref == customer_ref][:limit]

    async def order(self, number: str) -> SalesOrder | None:
        """No orders here."""
        return None

    async def open_orders(self, customer_ref: str, limit: int) -> list[SalesOrder]:
        """No orders here."""
        return []


@dataclass
class SteppedClock:
    """A monotonic clock that moves only when told to, and a sleep that moves it."""

    now: float = 1_000.0
    slept: list[float] = field(default_factory=list)
    gate: asyncio.Event | None = None  # when set up, sleepers wait for it (to interleave them)

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Record the wait, let others run (or wait for the gate), then move the clock on."""
        self.slept.append(round(seconds, 3))
        if self.gate is not None:
            await self.gate.wait()
        else:
            await asyncio.sleep(0)
        self.now += seconds


class HeldBase:
    """A real installed base that stops answering while `gate` is set up (a slow NetSuite):
    every call waits for the gate to open, then asks the real one."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self.source = inner.source
        self.gate: asyncio.Event | None = None

    def __getattr__(self, name: str):
        method = getattr(self._inner, name)

        async def held(*args, **kwargs):
            if self.gate is not None:
                await self.gate.wait()
            return await method(*args, **kwargs)

        return held
