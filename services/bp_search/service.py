"""BPSearch: look a machine, a customer or a sales order up in the installed base, the CRM and
the bot's own tables, degrading to the cache or the tickets when a source does not answer."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime

from services.bp_search.candidates import Hits, of_customers, of_machines
from services.bp_search.findings import Findings
from services.bp_search.history import MachineHistory, coverage_line, tickets_line, window_start
from services.bp_search.local import LocalRecords
from services.bp_search.model import Answer
from services.bp_search.query import Kind, Query, classify
from services.bp_search.reader import Reader
from services.bp_search.sources import Sources, Trail
from services.db.database import Database
from services.installed_base import CustomerDirectory, InstalledBase, SourceUnavailable
from services.profile import Profile
from services.tickets import Ticket

CANDIDATES = 8  # a short list to pick from; more hits ask for more of the name


class BPSearch:
    """Look-ups over the installed base, the customer directory and the bot's database."""

    def __init__(
        self,
        installed_base: InstalledBase,
        directory: CustomerDirectory,
        db: Database,
        profile: Profile,
        sources: Sources | None = None,
    ) -> None:
        section = profile.bp_search
        sources = sources or Sources(section.cache_seconds, section.timeout_seconds)
        self._read = Reader(installed_base, directory, sources)
        self._local = LocalRecords(db, profile)
        self._build = Findings(self._read, self._local)
        self._profile = profile

    @property
    def source(self) -> str:
        """The installed base's name, as cards say it ("NetSuite")."""
        return self._read.base.source

    @property
    def crm(self) -> str:
        """The customer directory's name ("HubSpot")."""
        return self._read.crm.source

    async def lookup(
        self, text: str, now: datetime, kind: Kind | None = None, *, cached_first: bool = False
    ) -> Answer:
        """What `text` finds; `cached_first` shows an expired cached answer at once (the
        message extension) and marks the answer stale, for the caller to look again after.

        QueryError when the text is empty or too long.
        """
        query = classify(text, kind)
        trail = Trail(now, cached_first)
        if query.kind is Kind.ORDER:
            hits = await self._order(trail, query.text)
        elif query.kind is Kind.MACHINE:
            hits = await self._machine(trail, query.text)
        else:
            hits = await self._customers(trail, query.text)
        return _answer(query, trail, hits)

    async def pick(
        self, kind: Kind, ref: str, now: datetime, *, cached_first: bool = False
    ) -> Answer:
        """The finding of one candidate a list offered (by serial, customer ref or number)."""
        trail = Trail(now, cached_first)
        return _answer(Query(kind, ref), trail, await self._pick(trail, kind, ref))

    async def expand(self, answer: Answer, now: datetime, *, cached_first: bool = False) -> Answer:
        """`answer` with each candidate's finding too, asked at once: the message extension
        lists every hit as the card it inserts."""
        if not answer.candidates:
            return answer
        trail = Trail(now, cached_first, list(answer.gaps), answer.stale)
        picks = [self._pick(trail, c.kind, c.ref) for c in answer.candidates]
        picked = await asyncio.gather(*picks)
        findings = tuple(f for hits in picked for f in hits.findings)
        return replace(answer, findings=findings, gaps=tuple(trail.gaps), stale=trail.stale)

    async def machine_history(self, ticket: Ticket, now: datetime) -> MachineHistory | None:
        """Two lines on the ticket's machine; None when the ticket names no serial."""
        serial = (ticket.serial_number or "").strip()
        if not serial:
            return None
        on_serial = self._local.on_serial(serial, ticket.machine_ref)
        recent = await self._local.since(on_serial, window_start(now))
        others = [t for t in recent if t.number != ticket.number]
        first, repeat = tickets_line(self._profile, ticket, others)
        trail = Trail(now)
        machine = await self._read.machine(trail, serial)
        gap = trail.gaps[0] if trail.gaps else None
        shown_from = gap.shown_from if gap else None
        second = coverage_line(
            machine, serial, self.source, now, unavailable=gap is not None, shown_from=shown_from
        )
        return MachineHistory(first, second, repeat)

    async def _pick(self, trail: Trail, kind: Kind, ref: str) -> Hits:
        if kind is Kind.ORDER:
            return await self._order(trail, ref)
        if kind is Kind.MACHINE:
            machine = await self._read.machine(trail, ref)
            return Hits([await self._build.of_machine(trail, machine)] if machine else [])
        customer = await self._read.customer(trail, ref)
        return Hits([await self._build.of_customer(trail, customer)] if customer else [])

    async def _machine(self, trail: Trail, serial: str) -> Hits:
        try:
            key = ("machine", serial.upper())
            machine = await self._read.ask(trail, key, lambda: self._read.base.machine(serial))
        except SourceUnavailable:
            return await self._build.machine_from_tickets(trail, serial)
        if machine is not None:
            return Hits([await self._build.of_machine(trail, machine)])
        key = ("machines", serial.lower())
        search = lambda: self._read.base.find_machines(serial, CANDIDATES + 1)  # noqa: E731
        found = await self._read.maybe(trail, key, search, [])
        self._read.remember(trail, found)
        if len(found) == 1:
            return Hits([await self._build.of_machine(trail, found[0])])
        if found:
            return of_machines(found, CANDIDATES)
        # A name with a digit in it ("7-Eleven") that no serial starts with.
        return await self._customers(trail, serial)

    async def _customers(self, trail: Trail, text: str) -> Hits:
        key = ("customers", text.lower())
        search = lambda: self._read.base.find_customers(text, CANDIDATES + 1)  # noqa: E731
        try:
            found = await self._read.ask(trail, key, search)
        except SourceUnavailable:
            return await self._build.customer_from_tickets(trail, text)
        exact = [c for c in found if c.name.strip().lower() == text.lower()]
        if len(found) == 1 or len(exact) == 1:
            shallow = (exact or found)[0]
            customer = await self._read.customer(trail, shallow.ref) or shallow
            return Hits([await self._build.of_customer(trail, customer)])
        return of_customers(found, CANDIDATES)

    async def _order(self, trail: Trail, number: str) -> Hits:
        order = await self._read.order(trail, number)
        return Hits([await self._build.of_order(trail, order)] if order else [])


def _answer(query: Query, trail: Trail, hits: Hits) -> Answer:
    return Answer(
        query,
        tuple(hits.findings),
        tuple(hits.candidates),
        hits.more,
        tuple(trail.gaps),
        trail.stale,
    )
