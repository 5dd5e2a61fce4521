"""Reading a profile's tickets: one ticket, its timeline, and the queues people work from."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import ticket_events, tickets
from services.profile import Profile
from services.tickets.model import Ticket, TicketEvent
from services.tickets.queues import followed_by, in_roles, most_urgent_first, unsolved
from services.tickets.records import event_from_row, select_tickets, ticket_from_row
from services.tickets.statuses import TicketStatus


class TicketReads:
    """The reads of TicketRepository, which adds the writes."""

    def __init__(self, db: Database, profile: Profile) -> None:
        self._db = db
        self._profile = profile

    async def get(self, number: str) -> Ticket | None:
        """The ticket with this number ("BP-1001"), if any."""
        async with self._db.engine.connect() as connection:
            return await self._fetch(connection, tickets.c.number == number)

    async def get_by_id(self, ticket_id: int) -> Ticket | None:
        """The ticket stored under this id, if any."""
        async with self._db.engine.connect() as connection:
            return await self._fetch(connection, tickets.c.id == ticket_id)

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
