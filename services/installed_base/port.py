"""The two ports BP Search reads: the installed base and the customer directory.

Text a person typed reaches these methods as it was typed (bounded in length by the caller);
an implementation that builds a query from it escapes it there. Every method raises
SourceUnavailable when its system is slow, down or refuses, never a client's own error.
"""

from __future__ import annotations

from typing import Protocol

from services.installed_base.model import Company, Customer, Machine, SalesOrder


class InstalledBase(Protocol):
    """Customers, sites, machines and sales orders: NetSuite, or the bot's own database."""

    source: str  # said on cards: "NetSuite" or "the bot's database"

    async def machine(self, serial: str) -> Machine | None:
        """The machine with exactly this serial number (case-insensitive)."""
        ...

    async def find_machines(self, text: str, limit: int) -> list[Machine]:
        """Machines whose serial starts with `text`, or whose customer's name contains it."""
        ...

    async def find_customers(self, text: str, limit: int) -> list[Customer]:
        """Customers whose name contains `text` (case-insensitive), best first."""
        ...

    async def customer(self, ref: str) -> Customer | None:
        """One customer, with its sites and main contact."""
        ...

    async def machines_of(self, customer_ref: str, limit: int) -> list[Machine]:
        """A customer's machines."""
        ...

    async def order(self, number: str) -> SalesOrder | None:
        """The sales order with this number (e.g. "SO-1042"), open or not."""
        ...

    async def open_orders(self, customer_ref: str, limit: int) -> list[SalesOrder]:
        """A customer's sales orders that are not closed, billed or cancelled."""
        ...


class CustomerDirectory(Protocol):
    """The CRM's side of a customer: HubSpot's company, its owner, contact and open deals."""

    source: str  # "HubSpot"

    async def company(self, name: str) -> Company | None:
        """The CRM company best matching a customer's name, if any."""
        ...
