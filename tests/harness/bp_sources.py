"""A small installed base and CRM held in memory, for BP Search's unit tests: the ports'
shapes (services.installed_base.port), a switch to take either source down, a delay to make
it slow, and a count of the calls each answered."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from services.installed_base import (
    Company,
    Contact,
    Customer,
    Deal,
    Machine,
    SalesOrder,
    Site,
    SourceUnavailable,
)

NEWARK = Site("site-1", "Newark plant", "NJ", "Newark")
DALLAS = Site("site-2", "Dallas DC", "TX", "Dallas")
ACME = Customer(
    "cust-1",
    "Acme Foods",
    (NEWARK, DALLAS),
    Contact("Pat Lee", "pat@acme.example", "+1 973 555 0100"),
    "https://netsuite.example/app/common/entity/custjob.nl?id=cust-1",
)
ACME_PACKAGING = Customer("cust-2", "Acme Packaging", (Site("site-3", "Reno", "NV", "Reno"),))
BOLT = Customer("cust-3", "Bolt Beverages", ())
SEALER = Machine(
    "m-1",
    "SN-20481",
    "CaseSealer X200",
    "cust-1",
    "Acme Foods",
    "standard",
    NEWARK,
    date(2025, 3, 1),
    warranty_end=date(2027, 3, 1),
    link="https://netsuite.example/app/common/custom/custrecordentry.nl?rectype=7&id=m-1",
)
ERECTOR = Machine(
    "m-2",
    "SN-20482",
    "Erector E5",
    "cust-1",
    "Acme Foods",
    "custom",
    DALLAS,
    date(2022, 1, 10),
    warranty_end=date(2024, 1, 10),
    contract_end=date(2025, 6, 30),
)
ORDER = SalesOrder("so-1", "SO-1042", "Pending Fulfillment", "cust-1", True, date(2026, 11, 2))
ACME_CRM = Company(
    "hs-9",
    "Acme Foods",
    "acme.example",
    "Dana Owner",
    None,
    (Deal("d-1", "Line 3 retrofit", "Proposal", "120000"),),
    "https://app.hubspot.com/contacts/1/company/hs-9",
)


@dataclass
class MemoryInstalledBase:
    """InstalledBase over lists; `down` makes every call fail, `delay` makes each one slow."""

    customers: list[Customer] = field(default_factory=lambda: [ACME, ACME_PACKAGING, BOLT])
    machines: list[Machine] = field(default_factory=lambda: [SEALER, ERECTOR])
    orders: list[SalesOrder] = field(default_factory=lambda: [ORDER])
    source: str = "NetSuite"
    down: bool = False
    delay: float = 0.0
    calls: Counter = field(default_factory=Counter)

    async def _call(self, name: str) -> None:
        self.calls[name] += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.down:
            raise SourceUnavailable(self.source, "503 Service Unavailable")

    async def machine(self, serial: str) -> Machine | None:
        """The machine with exactly this serial (case-insensitive)."""
        await self._call("machine")
        return next((m for m in self.machines if m.serial.lower() == serial.lower()), None)

    async def find_machines(self, text: str, limit: int) -> list[Machine]:
        """Serial prefix or customer name match."""
        await self._call("find_machines")
        low = text.lower()
        hits = [
            m
            for m in self.machines
            if m.serial.lower().startswith(low) or low in m.customer_name.lower()
        ]
        return hits[:limit]

    async def find_customers(self, text: str, limit: int) -> list[Customer]:
        """Name contains the text."""
        await self._call("find_customers")
        return [c for c in self.customers if text.lower() in c.name.lower()][:limit]

    async def customer(self, ref: str) -> Customer | None:
        """One customer."""
        await self._call("customer")
        return next((c for c in self.customers if c.ref == ref), None)

    async def machines_of(self, customer_ref: str, limit: int) -> list[Machine]:
        """A customer's machines."""
        await self._call("machines_of")
        return [m for m in self.machines if m.customer_ref == customer_ref][:limit]

    async def order(self, number: str) -> SalesOrder | None:
        """One order by number."""
        await self._call("order")
        return next((o for o in self.orders if o.number.lower() == number.lower()), None)

    async def open_orders(self, customer_ref: str, limit: int) -> list[SalesOrder]:
        """A customer's open orders."""
        await self._call("open_orders")
        return [o for o in self.orders if o.customer_ref == customer_ref and o.open][:limit]


@dataclass
class MemoryDirectory:
    """CustomerDirectory over a list of companies, with the same switches."""

    companies: list[Company] = field(default_factory=lambda: [ACME_CRM])
    source: str = "HubSpot"
    down: bool = False
    calls: Counter = field(default_factory=Counter)

    async def company(self, name: str) -> Company | None:
        """The company of exactly this name."""
        self.calls["company"] += 1
        if self.down:
            raise SourceUnavailable(self.source, "429 Too Many Requests")
        return next((c for c in self.companies if c.name.lower() == name.lower()), None)
