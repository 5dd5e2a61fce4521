"""TicketRepository: idempotent creation, optimistic saves with their events, and the queues."""

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.receipts import stamp
from services.db.schema import ticket_events, tickets
from services.profile import Profile
from services.tickets.errors import StaleTicket
from services.tickets.history import json_value
from services.tickets.intake import TicketDraft, check_draft
from services.tickets.model import Change, EventKind, Ticket, TicketEvent
from services.tickets.numbering import number_prefix, placeholder_number, ticket_number
from services.tickets.outbound import Outbound
from services.tickets.queues import followed_by, in_roles, most_urgent_first, unsolved
from services.tickets.records import (
    check_lengths,
    event_from_row,
    event_values,
    select_tickets,
    ticket_from_row,
    ticket_values,
)
from services.tickets.sla import opening_columns, settle
from services.tickets.statuses import TicketStatus, to_zendesk

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class TicketRepository:
    """The tickets of one profile (support process) in the database."""

    def __init__(self, db: Database, profile: Profile, outbound: Outbound | None = None) -> None:
        """Use `db` for the tickets of `profile`; `outbound` queues each write for the system
        of record, in the write's transaction (None: the database is the record)."""
        self._db = db
        self._profile = profile
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
        values = self._new_row(draft, requester_id, intake_key, now)
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
            opened = _opened(values)
            await connection.execute(
                insert(ticket_events).values(**event_values(opened, ticket_id))
            )
            created = await self._fetch(connection, tickets.c.id == ticket_id)
            assert created is not None  # inserted in this very transaction
            if self._outbound is not None:
                await self._outbound.record(connection, created, [opened], created=True)
        return created, True

    async def get(self, number: str) -> Ticket | None:
        """The ticket with this number ("BP-1001"), if any."""
        async with self._db.engine.connect() as connection:
            return await self._fetch(connection, tickets.c.number == number)

    async def get_by_id(self, ticket_id: int) -> Ticket | None:
        """The ticket stored under this id, if any."""
        async with self._db.engine.connect() as connection:
            return await self._fetch(connection, tickets.c.id == ticket_id)

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

    async def events(self, ticket_id: int) -> list[TicketEvent]:
        """The ticket's timeline, oldest first."""
        query = (
            select(ticket_events)
            .where(ticket_events.c.ticket_id == ticket_id)
            .order_by(ticket_events.c.id)
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [event_from_row(row) for row in rows]

    async def open_for_assignee(self, person_id: str) -> list[Ticket]:
        """The person's unsolved tickets (waiting ones too), most urgent first."""
        return await self._queue(tickets.c.assignee_id == person_id)

    async def open_followed_by(self, person_id: str) -> list[Ticket]:
        """Unsolved tickets the person filed or acted on, assigned to others, most urgent first."""
        return await self._queue(followed_by(person_id))

    async def untriaged_or_unassigned(self) -> list[Ticket]:
        """Unsolved tickets not yet acknowledged or without an assignee, most urgent first."""
        return await self._queue(
            or_(tickets.c.acknowledged_at.is_(None), tickets.c.assignee_id.is_(None))
        )

    async def open_counts_by_assignee(self) -> dict[str, int]:
        """How many unsolved tickets each assignee holds; people holding none are left out."""
        query = (
            select(tickets.c.assignee_id, func.count())
            .where(unsolved(self._profile), tickets.c.assignee_id.is_not(None))
            .group_by(tickets.c.assignee_id)
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        return {assignee: count for assignee, count in rows}

    async def with_status(self, roles: Iterable[TicketStatus]) -> list[Ticket]:
        """The profile's tickets in any of these status roles, oldest first."""
        query = (
            select_tickets()
            .where(tickets.c.profile == self._profile.name, in_roles(roles))
            .order_by(tickets.c.id)
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [ticket_from_row(row) for row in rows]

    async def _queue(self, condition: ColumnElement[bool]) -> list[Ticket]:
        query = (
            select_tickets()
            .where(unsolved(self._profile), condition)
            .order_by(*most_urgent_first(self._profile))
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [ticket_from_row(row) for row in rows]

    async def _fetch(
        self, connection: AsyncConnection, condition: ColumnElement[bool]
    ) -> Ticket | None:
        row = (await connection.execute(select_tickets().where(condition))).mappings().first()
        return ticket_from_row(row) if row is not None else None

    def _new_row(
        self, draft: TicketDraft, requester_id: str, intake_key: str | None, now: datetime
    ) -> dict[str, Any]:
        priority = draft.priority or self._profile.default_priority.key
        status, substatus = to_zendesk(self._profile, TicketStatus.NEW)
        return {
            "number": placeholder_number(),
            "profile": self._profile.name,
            "status": status,
            "substatus": substatus,
            "priority": priority,
            "issue_type": draft.issue_type,
            "complexity": draft.complexity,
            "subject": draft.subject,
            "description": draft.description,
            "company": draft.company,
            "contact_name": draft.contact_name,
            "contact_email": draft.contact_email,
            "contact_phone": draft.contact_phone,
            "machine_model": draft.machine_model,
            "serial_number": draft.serial_number,
            "machine_ref": draft.machine_ref,
            "customer_ref": draft.customer_ref,
            "fields": dict(draft.fields),
            "requester_id": requester_id,
            "created_at": now,
            "updated_at": now,
            "external_id": draft.external_id,
            "intake_key": intake_key,
        } | opening_columns(self._profile, priority, now)


def _opened(row: dict[str, Any]) -> TicketEvent:
    """The "created" event: who raised the ticket and what it started as."""
    after = {name: json_value(row[name]) for name in ("priority", "issue_type", "complexity")}
    after |= {"status": TicketStatus.NEW.value, "ack_due_at": json_value(row["ack_due_at"])}
    return TicketEvent(EventKind.CREATED, row["requester_id"], row["created_at"], after=after)
