"""The Zendesk id in the working copy: stored once a create is sent, moved to a follow-up.

Written straight to the row without a new version: it is the record's address, not a change
anyone made, so it neither queues another change nor makes an open card stale.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, update

from services.db.database import Database
from services.db.schema import ticket_events, tickets
from services.tickets.model import SYSTEM_ACTOR, EventKind, Ticket, TicketEvent
from services.tickets.records import event_values


class ZendeskLinks:
    """Keeps tickets.external_id the ticket's current Zendesk id."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def store(self, ticket: Ticket, zendesk_id: int) -> None:
        """The create was taken: the ticket is Zendesk #zendesk_id."""
        async with self._db.engine.begin() as connection:
            await connection.execute(
                update(tickets).where(tickets.c.id == ticket.id).values(external_id=str(zendesk_id))
            )

    async def followed_up(self, ticket: Ticket, closed_id: int, new_id: int, now: datetime) -> None:
        """The ticket continues in a follow-up of a Zendesk-closed one, said on its timeline."""
        note = TicketEvent(
            EventKind.NOTE,
            SYSTEM_ACTOR,
            now,
            body=(
                f"Zendesk #{closed_id} was already closed there, so the reopened ticket "
                f"continues as its follow-up Zendesk #{new_id}."
            ),
            before={"external_id": str(closed_id)},
            after={"external_id": str(new_id)},
        )
        async with self._db.engine.begin() as connection:
            await connection.execute(
                update(tickets).where(tickets.c.id == ticket.id).values(external_id=str(new_id))
            )
            await connection.execute(insert(ticket_events).values(**event_values(note, ticket.id)))
