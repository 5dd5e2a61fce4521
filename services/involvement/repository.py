"""HelperRepository: a ticket's helpers, stored with its timeline entry, and who helps where."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import ticket_helpers, tickets
from services.involvement.model import Helper, Involvement
from services.profile import Profile
from services.tickets import StaleTicket, Ticket, TicketRepository
from services.tickets.queues import most_urgent_first, unsolved
from services.tickets.records import select_tickets, ticket_from_row

H = ticket_helpers
# Reads the ticket as it is now and its helpers; returns what involving a team adds.
Command = Callable[[Ticket, Sequence[Helper]], Involvement]


class HelperRepository:
    """The helpers on one profile's tickets."""

    def __init__(self, db: Database, profile: Profile, tickets: TicketRepository) -> None:
        self._db = db
        self._profile = profile
        self._tickets = tickets

    async def involve(
        self, number: str, command: Command, attempts: int = 3
    ) -> tuple[Ticket, tuple[Helper, ...]] | None:
        """Run `command` on the ticket and its helpers as they are now and store both in one
        transaction; None: no such ticket. Involving only adds, so a version conflict reads
        the ticket again and re-runs the command (its refusals, TicketRuleError, are raised)."""
        for attempt in range(attempts):
            ticket = await self._tickets.get(number)
            if ticket is None:
                return None
            done = command(ticket, await self.of(ticket.id))
            try:
                async with self._db.engine.begin() as connection:
                    saved = await self._tickets.write(
                        connection, done.change.ticket, ticket.version, done.change.events
                    )
                    await self._add(connection, done.helpers)
                return saved, done.helpers
            except StaleTicket:
                if attempt == attempts - 1:
                    raise
        raise StaleTicket(number, -1, None)  # attempts < 1

    async def of(self, ticket_id: int) -> list[Helper]:
        """The ticket's helpers, in the order they were pulled in (by team, then roster id)."""
        query = (
            select(H)
            .where(H.c.ticket_id == ticket_id)
            .order_by(H.c.added_at, H.c.team, H.c.person_id)
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [Helper(**row) for row in rows]

    async def open_helped_by(self, person_id: str) -> list[Ticket]:
        """The unsolved tickets the person helps on and does not own, most urgent first."""
        helping = select(H.c.ticket_id).where(H.c.person_id == person_id)
        not_theirs = tickets.c.assignee_id.is_(None) | (tickets.c.assignee_id != person_id)
        query = (
            select_tickets()
            .where(unsolved(self._profile), tickets.c.id.in_(helping), not_theirs)
            .order_by(*most_urgent_first(self._profile))
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [ticket_from_row(row) for row in rows]

    @staticmethod
    async def _add(connection: AsyncConnection, helpers: Sequence[Helper]) -> None:
        if helpers:
            await connection.execute(
                insert(H),
                [
                    {
                        "ticket_id": h.ticket_id,
                        "team": h.team,
                        "person_id": h.person_id,
                        "added_by": h.added_by,
                        "added_at": h.added_at,
                    }
                    for h in helpers
                ],
            )
