"""The installed base in NetSuite, read through SuiteQL: customers from `customer`, their
contacts from `contact`, machines from the custom record the profile names
([bp_search.netsuite]), sales orders from `transaction` (netsuite_orders).

Search rules, as the embedded installed base's: find_machines gives serials starting with the
text first, then the machines of customers whose name contains it; find_customers names
starting with the text first. Case never matters; %, _ and quotes typed are characters (the
text enters SuiteQL only through services.clients.netsuite.suiteql). A customer's sites are
the distinct site/state pairs its machines stand at.
"""

from __future__ import annotations

import asyncio

from services.clients.netsuite import NetSuiteClient
from services.clients.netsuite.suiteql import UnsafeText, contains, equals
from services.installed_base.model import Customer, Machine, SalesOrder
from services.installed_base.netsuite_orders import SOURCE, NetSuiteSalesOrders, internal_id
from services.installed_base.netsuite_rows import (
    MachineReader,
    contact_from_row,
    customer_from_row,
    site_from_row,
)
from services.profile.bp_search import NetSuiteMapping

_CUSTOMERS = (
    "SELECT c.id AS id, c.entityid AS entityid, c.companyname AS companyname"
    " FROM customer c WHERE c.isinactive = 'F'"
)
_CONTACTS = (
    "SELECT p.firstname AS firstname, p.lastname AS lastname, p.email AS email,"
    " p.phone AS phone, p.id AS id FROM contact p WHERE p.isinactive = 'F'"
)


class NetSuiteInstalledBase:
    """InstalledBase on NetSuite; every failure is SourceUnavailable("NetSuite", reason)."""

    source = SOURCE

    def __init__(self, client: NetSuiteClient, mapping: NetSuiteMapping, timeout: float) -> None:
        """Read through `client`, machines where `mapping` says, `timeout` seconds a query."""
        self._orders = NetSuiteSalesOrders(client, timeout)
        self._machines = MachineReader(mapping, self._orders.link)
        self._fields = mapping.fields

    async def machine(self, serial: str) -> Machine | None:
        """The machine with exactly this serial number (case-insensitive)."""
        if not serial.strip():
            return None
        try:
            where = equals(f"m.{self._fields.serial}", serial.strip())
        except UnsafeText:
            return None  # longer than any serial number
        found = await self._read_machines(where, "m.id", 1)
        return found[0] if found else None

    async def find_machines(self, text: str, limit: int) -> list[Machine]:
        """Serials starting with `text` first, then machines of customers whose name has it."""
        text = text.strip()
        if not text:
            return []
        try:
            serial = contains(f"m.{self._fields.serial}", text, starts=True)
            company = contains("c.companyname", text)
        except UnsafeText:
            return []
        order = f"CASE WHEN {serial} THEN 0 ELSE 1 END, m.{self._fields.serial}"
        return await self._read_machines(f"({serial} OR {company})", order, limit)

    async def find_customers(self, text: str, limit: int) -> list[Customer]:
        """Customers whose name (or entity id) contains `text`, names starting with it first."""
        text = text.strip()
        if not text:
            return []
        try:
            name, entity = contains("c.companyname", text), contains("c.entityid", text)
            first = contains("c.companyname", text, starts=True)
        except UnsafeText:
            return []
        query = (
            f"{_CUSTOMERS} AND ({name} OR {entity})"
            f" ORDER BY CASE WHEN {first} THEN 0 ELSE 1 END, c.companyname, c.id"
        )
        rows = await self._orders.rows(query, limit)
        return [customer_from_row(row, self._orders.link) for row in rows]

    async def customer(self, ref: str) -> Customer | None:
        """One customer, with its sites (where its machines stand) and main contact."""
        customer_id = internal_id(ref)
        if customer_id is None:
            return None
        sites_query = self._machines.sites_query(customer_id)
        found, sites, contacts = await asyncio.gather(
            self._orders.rows(f"{_CUSTOMERS} AND c.id = {customer_id}", 1),
            self._orders.rows(sites_query, 100) if sites_query else _nothing(),
            self._orders.rows(f"{_CONTACTS} AND p.company = {customer_id} ORDER BY p.id", 1),
        )
        if not found:
            return None
        customer = customer_from_row(found[0], self._orders.link)
        return Customer(
            ref=customer.ref,
            name=customer.name,
            sites=tuple(site_from_row(customer_id, row) for row in sites),
            main_contact=contact_from_row(contacts[0]) if contacts else None,
            link=customer.link,
        )

    async def machines_of(self, customer_ref: str, limit: int) -> list[Machine]:
        """A customer's machines, by serial."""
        customer_id = internal_id(customer_ref)
        if customer_id is None:
            return []
        where = f"m.{self._fields.customer} = {customer_id}"
        return await self._read_machines(where, f"m.{self._fields.serial}", limit)

    async def order(self, number: str) -> SalesOrder | None:
        """The sales order with this number, open or not."""
        return await self._orders.order(number)

    async def open_orders(self, customer_ref: str, limit: int) -> list[SalesOrder]:
        """A customer's sales orders not closed, billed or cancelled."""
        return await self._orders.open_orders(customer_ref, limit)

    async def _read_machines(self, where: str, order_by: str, limit: int) -> list[Machine]:
        rows = await self._orders.rows(self._machines.query(where, order_by), limit)
        return [self._machines.from_row(row) for row in rows]


async def _nothing() -> list:
    return []
