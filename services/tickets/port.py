"""The ticket-system port: what the support process needs of the system of record.

The bot's database is the working copy: the workflow commands decide and TicketRepository
saves there first, so a card never waits on a vendor. `TicketSystem` carries that working
copy to the system of record and finds tickets by either side's id. EmbeddedTicketSystem is
the default, where the working copy *is* the record; a Zendesk implementation (issue 13) puts
the same calls on a durable queue and sends them through its client in services.clients.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields
from datetime import datetime
from typing import Protocol

from sqlalchemy import and_, or_

from services.db.database import Database
from services.db.schema import tickets
from services.profile import Profile
from services.tickets.errors import TicketRuleError
from services.tickets.model import Ticket
from services.tickets.records import select_tickets, ticket_from_row
from services.tickets.repository import TicketRepository
from services.tickets.work import add_note

_TICKET_FIELDS = frozenset(f.name for f in fields(Ticket))


class TicketSystem(Protocol):
    """Where the team's tickets are kept and through which customers are written to.

    Fields and status change by workflow command on the working copy; `create` and `update`
    then carry the saved ticket to the record. Notes and messages are only text, so the port
    takes them whole. Every method raises TicketRuleError, with a sentence for the person, when
    it refuses.
    """

    # False: message_customer only records the message, and staff pass it on themselves.
    reaches_customer: bool

    async def create(self, ticket: Ticket) -> str | None:
        """File a ticket the working copy just opened; its id in the record, None while queued."""
        ...

    async def update(self, ticket: Ticket, changed: Collection[str]) -> None:
        """Carry the saved ticket's `changed` attributes (status, priority, ...) to the record."""
        ...

    async def add_internal_note(
        self, ticket: Ticket, text: str, *, author_id: str, now: datetime
    ) -> Ticket:
        """A note only staff see; the ticket as saved with it."""
        ...

    async def message_customer(
        self, ticket: Ticket, text: str, *, author_id: str, now: datetime
    ) -> Ticket:
        """A message the customer sees, the first being the first response; the saved ticket."""
        ...

    async def find(
        self, *, number: str | None = None, outside_id: str | None = None
    ) -> Ticket | None:
        """The ticket with the bot's `number` ("BP-1001") or with `outside_id` in the record."""
        ...


class EmbeddedTicketSystem:
    """The bot's own database as the system of record: the working copy already holds it all."""

    reaches_customer = False

    def __init__(self, db: Database, tickets: TicketRepository, profile: Profile) -> None:
        self._db = db
        self._tickets = tickets
        self._profile = profile

    async def create(self, ticket: Ticket) -> str | None:
        """Nothing to file: the id in the record is the one it came with, else its number."""
        return ticket.external_id or ticket.number

    async def update(self, ticket: Ticket, changed: Collection[str]) -> None:
        """Nothing to carry, the working copy being the record; refuses names a ticket lacks."""
        unknown = sorted(set(changed) - _TICKET_FIELDS)
        if unknown:
            raise ValueError(f"a ticket has no {', '.join(unknown)}")

    async def add_internal_note(
        self, ticket: Ticket, text: str, *, author_id: str, now: datetime
    ) -> Ticket:
        """Note it on the timeline for staff."""
        return await self._note(ticket, text, author_id, now, public=False)

    async def message_customer(
        self, ticket: Ticket, text: str, *, author_id: str, now: datetime
    ) -> Ticket:
        """Record it as a customer-visible note: the first one is the ticket's first response."""
        return await self._note(ticket, text, author_id, now, public=True)

    async def find(
        self, *, number: str | None = None, outside_id: str | None = None
    ) -> Ticket | None:
        """Read the working copy by number, or by the id `create` gave."""
        if (number is None) == (outside_id is None):
            raise ValueError("find takes a number or an outside id, one of them")
        if number is not None:
            condition = tickets.c.number == number
        else:
            condition = or_(
                tickets.c.external_id == outside_id,
                and_(tickets.c.external_id.is_(None), tickets.c.number == outside_id),
            )
        # A ticket that came with an outside id wins over another whose number reads the same.
        query = (
            select_tickets()
            .where(tickets.c.profile == self._profile.name, condition)
            .order_by(tickets.c.external_id.is_(None))
            .limit(1)
        )
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        return ticket_from_row(row) if row is not None else None

    async def _note(
        self, ticket: Ticket, text: str, author_id: str, now: datetime, *, public: bool
    ) -> Ticket:
        def command(current: Ticket):
            return add_note(current, author_id, self._profile, now, text, public=public)

        saved = await self._tickets.change(ticket.number, command)
        if saved is None:
            raise TicketRuleError(f"There is no ticket {ticket.number}.")
        return saved
