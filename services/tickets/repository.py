"""TicketRepository: idempotent creation and optimistic saves with their events (its reads and
queues are in services/tickets/reads.py)."""

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.receipts import stamp
from services.db.schema import ticket_events, tickets
from services.profile import Profile
from services.tickets.errors import StaleTicket
from services.tickets.intake import TicketDraft, check_draft
from services.tickets.model import Change, Ticket, TicketEvent
from services.tickets.new_row import new_ticket_row, opened_event
from services.tickets.numbering import number_prefix, ticket_number
from services.tickets.outbound import Outbound
from services.tickets.reads import TicketReads
from services.tickets.records import check_lengths, event_values, ticket_values
from services.tickets.sla import settle

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class TicketRepository(TicketReads):
    """The tickets of one profile (support process) in the database: reads, and the writes."""

    def __init__(self, db: Database, profile: Profile, outbound: Outbound | None = None) -> None:
        """Use `db` for the tickets of `profile`; `outbound` queues each write for the system
        of record, in the write's transaction (None: the database is the record)."""
        super().__init__(db, profile)
        self._prefix = number_prefix(profile)
        self._outbound = outbound

    async def create(
        self, draft: TicketDraft, requester_id: str, intake_key: str | None, now: datetime
    ) -> tuple[Ticket, bool]:
        """Open a ticket from `draft`; (ticket, True), or (existing, False) for a repeated key.

        The unique intake_key makes a double submit or a Teams retry, even one racing the
        first, return the ticket the first submit made.
        """
        draft = check_draft(draft, self._profile)
        values = new_ticket_row(self._profile, draft, requester_id, intake_key, now)
        check_lengths(values)
        statement = _INSERT[self._db.dialect](tickets).values(**values)
        if intake_key is not None:
            # DO NOTHING rather than catching IntegrityError: any other violation still raises.
            statement = statement.on_conflict_do_nothing(index_elements=["intake_key"])
        async with self._db.engine.begin() as connection:
            ticket_id = await connection.scalar(statement.returning(tickets.c.id))
            if ticket_id is None:
                existing = await self._fetch(connection, tickets.c.intake_key == intake_key)
                if existing is None:
                    raise RuntimeError(f"intake key {intake_key!r} clashed but no ticket has it")
                return existing, False
            number = ticket_number(self._prefix, ticket_id)
            await connection.execute(
                update(tickets).where(tickets.c.id == ticket_id).values(number=number)
            )
            opened = opened_event(values)
            await connection.execute(
                insert(ticket_events).values(**event_values(opened, ticket_id))
            )
            created = await self._fetch(connection, tickets.c.id == ticket_id)
            assert created is not None  # inserted in this very transaction
            if self._outbound is not None:
                await self._outbound.record(connection, created, [opened], created=True)
        return created, True

    async def save(
        self, ticket: Ticket, expected_version: int, events: Iterable[TicketEvent]
    ) -> Ticket:
        """Store `ticket` and its events in one transaction; returns it with its new version.

        Raises StaleTicket, writing nothing, when the stored version is not `expected_version`.
        """
        async with self._db.engine.begin() as connection:
            return await self.write(connection, ticket, expected_version, events)

    async def change(
        self, number: str, command: Callable[[Ticket], Change], attempts: int = 3
    ) -> Ticket | None:
        """Apply a workflow command to the ticket as it is now and save it; None: no such ticket.

        For steps that only add (a note, a process step on the timeline): on a version conflict
        the ticket is read again and the command re-run, up to `attempts` times, then
        StaleTicket. A refusal (TicketRuleError) is raised as it is.
        """
        for attempt in range(attempts):
            ticket = await self.get(number)
            if ticket is None:
                return None
            change = command(ticket)
            try:
                return await self.save(change.ticket, ticket.version, change.events)
            except StaleTicket:
                if attempt == attempts - 1:
                    raise
        raise StaleTicket(number, -1, None)  # attempts < 1

    async def write(
        self,
        connection: AsyncConnection,
        ticket: Ticket,
        expected_version: int,
        events: Iterable[TicketEvent],
    ) -> Ticket:
        """`save` inside the caller's transaction, for records stored together with the ticket.

        The SLA columns are settled here, whichever command made the change.
        """
        await stamp(connection)  # first: a Teams retry of this turn must not apply it again
        ticket = settle(ticket, self._profile)
        version = expected_version + 1
        values = ticket_values(ticket, self._profile)
        check_lengths(values)
        # Compare-and-swap on the version: the check and the write cannot be split apart.
        result = await connection.execute(
            update(tickets)
            .where(tickets.c.id == ticket.id, tickets.c.version == expected_version)
            .values(**values, version=version)
        )
        if result.rowcount != 1:
            found = await connection.scalar(
                select(tickets.c.version).where(tickets.c.id == ticket.id)
            )
            raise StaleTicket(ticket.number, expected_version, found)
        # One by one: ids must follow the order the command produced the events in.
        events = list(events)
        for event in events:
            await connection.execute(insert(ticket_events).values(**event_values(event, ticket.id)))
        saved = replace(ticket, version=version)
        if self._outbound is not None:
            await self._outbound.record(connection, saved, events, created=False)
        return saved
