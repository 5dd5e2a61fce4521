"""A finding put together: the installed base's record, the CRM's company, the tickets here,
the last service visit and open orders, asked at once; or, with the installed base down and
nothing cached, what the bot's own tickets say."""

from __future__ import annotations

import asyncio

from services.bp_search.candidates import Hits
from services.bp_search.local import LocalRecords
from services.bp_search.model import Finding, Gap
from services.bp_search.query import Kind
from services.bp_search.reader import Reader
from services.bp_search.sources import Trail
from services.installed_base import Customer, Machine, SalesOrder


class Findings:
    """Builds findings from the reader (outside sources) and the local records."""

    def __init__(self, reader: Reader, local: LocalRecords) -> None:
        self._read = reader
        self._local = local

    async def of_machine(self, trail: Trail, machine: Machine) -> Finding:
        """A machine with its customer, the CRM company, its tickets, visit and open orders."""
        ref = machine.customer_ref
        on_serial = self._local.on_serial(machine.serial, machine.ref)
        customer, company, orders, history, visit = await asyncio.gather(
            self._read.customer(trail, ref),
            self._read.company(trail, machine.customer_name),
            self._read.open_orders(trail, ref),
            self._local.history(on_serial),
            self._local.last_visit(on_serial),
        )
        return Finding(
            Kind.MACHINE,
            customer.name if customer else machine.customer_name,
            customer,
            machine,
            company=company,
            tickets=history,
            last_visit=visit,
            open_orders=tuple(orders),
        )

    async def of_customer(self, trail: Trail, customer: Customer) -> Finding:
        """A customer with its machines, the CRM company, its tickets, visit and open orders."""
        at_company = self._local.at_company(customer.name, customer.ref)
        machines, company, orders, history, visit = await asyncio.gather(
            self._read.machines_of(trail, customer.ref),
            self._read.company(trail, customer.name),
            self._read.open_orders(trail, customer.ref),
            self._local.history(at_company),
            self._local.last_visit(at_company),
        )
        return Finding(
            Kind.CUSTOMER,
            customer.name,
            customer,
            company=company,
            machines=tuple(machines),
            tickets=history,
            last_visit=visit,
            open_orders=tuple(orders),
        )

    async def of_order(self, trail: Trail, order: SalesOrder) -> Finding:
        """A sales order with its customer, the CRM company and the customer's tickets."""
        customer = await self._read.customer(trail, order.customer_ref)
        if customer is None:
            return Finding(Kind.ORDER, order.customer_ref, order=order)
        company, history = await asyncio.gather(
            self._read.company(trail, customer.name),
            self._local.history(self._local.at_company(customer.name, customer.ref)),
        )
        return Finding(
            Kind.ORDER, customer.name, customer, order=order, company=company, tickets=history
        )

    async def machine_from_tickets(self, trail: Trail, serial: str) -> Hits:
        """The machine as its latest ticket here describes it, marked as from the tickets."""
        known = await self._local.known_machine(serial)
        if known is None:
            return Hits()
        trail.missing(Gap(self._read.base.source, known.seen_at, local=True))
        machine = Machine(
            ref="",
            serial=known.serial,
            model=known.model or "",
            customer_ref="",
            customer_name=known.company or "",
        )
        on_serial = self._local.on_serial(serial)
        history, visit = await asyncio.gather(
            self._local.history(on_serial), self._local.last_visit(on_serial)
        )
        name = known.company or ""
        finding = Finding(Kind.MACHINE, name, machine=machine, tickets=history, last_visit=visit)
        return Hits([finding])

    async def customer_from_tickets(self, trail: Trail, text: str) -> Hits:
        """The tickets for a company of exactly that name, marked as from the tickets."""
        known = await self._local.known_company(text)
        if known is None:
            return Hits()
        name, seen_at = known
        trail.missing(Gap(self._read.base.source, seen_at, local=True))
        at_company = self._local.at_company(name)
        history, visit = await asyncio.gather(
            self._local.history(at_company), self._local.last_visit(at_company)
        )
        return Hits([Finding(Kind.CUSTOMER, name, tickets=history, last_visit=visit)])
