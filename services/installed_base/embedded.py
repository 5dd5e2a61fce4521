"""The installed base and the customer directory on the bot's own database (no NetSuite, no
HubSpot): the `customers`, `customer_sites`, `machines`, `sales_orders` and `deals` tables.

Search rules: find_machines gives serials starting with the text first (one range of the
serial index), then the machines of customers whose name contains it, starts-with first;
find_customers the same customers. Case never matters, and %, _ or \\ typed are characters.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, exists, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import customers, machines, sales_orders
from services.installed_base.model import (
    Company,
    Customer,
    Machine,
    SalesOrder,
    Site,
)
from services.installed_base.records import (
    SOURCE,
    answering,
    bounded,
    contact_from_row,
    customer_from_row,
    deal_from_row,
    deals_of,
    machine_from_row,
    name_contains,
    order_from_row,
    orders_where,
    searchable,
    select_machines,
    serial_starts_with,
    site_from_row,
    sites_of,
    starts_with_first,
)


class EmbeddedInstalledBase:
    """InstalledBase on the bot's database: what `make demo` or the CSV importer put there."""

    source = SOURCE

    def __init__(self, db: Database) -> None:
        """Read the installed-base tables of `db`."""
        self._db = db

    async def machine(self, serial: str) -> Machine | None:
        """The machine with exactly this serial number (case-insensitive)."""
        key = searchable(serial)
        if key is None:
            return None
        found = await self._machines(select_machines().where(machines.c.serial_key == key))
        return found[0] if found else None

    async def find_machines(self, text: str, limit: int) -> list[Machine]:
        """Serials starting with `text`, then machines of customers whose name contains it."""
        key, limit = searchable(text), bounded(limit)
        if key is None:
            return []
        by_serial = select_machines().where(serial_starts_with(key))
        by_serial = by_serial.order_by(machines.c.serial_key)
        async with answering(self._db) as connection:
            found = await self._machines(by_serial, limit, connection)
            if len(found) < limit:
                found += await self._of_customers_named(connection, key, limit - len(found), found)
        return found

    async def _of_customers_named(
        self, connection: AsyncConnection, key: str, wanted: int, already: list[Machine]
    ) -> list[Machine]:
        """Up to `wanted` machines of the customers whose name contains `key`, best first."""
        has_machines = exists().where(machines.c.customer_ref == customers.c.ref)
        named = (
            select(customers.c.ref)
            .where(name_contains(key), has_machines)
            .order_by(starts_with_first(key), customers.c.name_key, customers.c.ref)
            .limit(wanted + len(already))  # each has a machine, some maybe found by serial
        )
        seen = {machine.ref for machine in already}
        found: list[Machine] = []
        # Customer by customer, each read off the (customer, serial) index with its own limit:
        # a customer with thousands of machines then costs no more than one with three.
        for ref in (await connection.scalars(named)).all():
            query = select_machines().where(machines.c.customer_ref == ref)
            query = query.order_by(machines.c.serial_key)
            for machine in await self._machines(query, wanted + len(seen), connection):
                if machine.ref not in seen and len(found) < wanted:
                    seen.add(machine.ref)
                    found.append(machine)
            if len(found) >= wanted:
                break
        return found

    async def find_customers(self, text: str, limit: int) -> list[Customer]:
        """Customers whose name contains `text` (case-insensitive), starts-with first."""
        key = searchable(text)
        if key is None:
            return []
        query = (
            select(customers)
            .where(name_contains(key))
            .order_by(starts_with_first(key), customers.c.name_key, customers.c.ref)
            .limit(bounded(limit))
        )
        return await self._customers(query)

    async def customer(self, ref: str) -> Customer | None:
        """One customer, with its sites and main contact."""
        found = await self._customers(select(customers).where(customers.c.ref == ref))
        return found[0] if found else None

    async def machines_of(self, customer_ref: str, limit: int) -> list[Machine]:
        """A customer's machines, by serial."""
        query = select_machines().where(machines.c.customer_ref == customer_ref)
        return await self._machines(query.order_by(machines.c.serial_key), bounded(limit))

    async def order(self, number: str) -> SalesOrder | None:
        """The sales order with this number, as stored or in capitals ("so-1042" finds it)."""
        typed = number.strip()
        query = orders_where(sales_orders.c.number.in_({typed, typed.upper()}))
        async with answering(self._db) as connection:
            row = (await connection.execute(query.limit(1))).mappings().first()
        return None if row is None else order_from_row(row)

    async def open_orders(self, customer_ref: str, limit: int) -> list[SalesOrder]:
        """A customer's sales orders that are not closed, billed or cancelled, newest first."""
        query = orders_where(sales_orders.c.customer_ref == customer_ref, sales_orders.c.open)
        async with answering(self._db) as connection:
            rows = (await connection.execute(query.limit(bounded(limit)))).mappings().all()
        return [order_from_row(row) for row in rows]

    async def _machines(
        self, query: Select[Any], limit: int = 1, connection: AsyncConnection | None = None
    ) -> list[Machine]:
        if connection is None:
            async with answering(self._db) as connection:
                return await self._machines(query, limit, connection)
        rows = (await connection.execute(query.limit(limit))).mappings().all()
        return [machine_from_row(row) for row in rows]

    async def _customers(self, query: Select[Any]) -> list[Customer]:
        async with answering(self._db) as connection:
            rows = (await connection.execute(query)).mappings().all()
            refs = [row["ref"] for row in rows]
            sites = (await connection.execute(sites_of(refs))).mappings().all() if refs else []
        by_customer: dict[str, list[Site]] = {ref: [] for ref in refs}
        for site in sites:
            by_customer[site["customer_ref"]].append(site_from_row(site))
        return [customer_from_row(row, tuple(by_customer[row["ref"]])) for row in rows]


class EmbeddedCustomerDirectory:
    """CustomerDirectory on the same customers: the CRM owner, main contact and open deals the
    demo or an import left there (HubSpot's when HubSpot is connected)."""

    source = SOURCE

    def __init__(self, db: Database) -> None:
        """Read the customers and deals of `db`."""
        self._db = db

    async def company(self, name: str) -> Company | None:
        """The customer named exactly so, else the first whose name starts with or contains it."""
        key = searchable(name)
        if key is None:
            return None
        exact_first = (customers.c.name_key != key, starts_with_first(key), customers.c.name_key)
        query = select(customers).where(name_contains(key)).order_by(*exact_first).limit(1)
        async with answering(self._db) as connection:
            row = (await connection.execute(query)).mappings().first()
            if row is None:
                return None
            found = (await connection.execute(deals_of(row["ref"]))).mappings().all()
        return Company(
            ref=row["ref"],
            name=row["name"],
            owner=row["owner_name"],
            main_contact=contact_from_row(row),
            open_deals=tuple(deal_from_row(deal) for deal in found),
        )
