"""The HubSpot ticket id in the working copy: stored the moment a create is answered.

HubSpot's ticket id goes in tickets.external_id, as Zendesk's does, so the ticket-system port
finds a ticket by it (`find(outside_id=...)`) and the inbound sync (a webhook names the id)
matches HubSpot's ticket to the bot's. Written straight to the row without a new version: it
is the record's address, not a change anyone made, so it neither queues another change nor
makes an open card stale. No table of its own: a ticket has one HubSpot ticket for its life
(a reopen moves the stage back; HubSpot has no closed-for-good tickets to follow up).
"""

from __future__ import annotations

from sqlalchemy import update

from services.db.database import Database
from services.db.schema import tickets
from services.tickets.model import Ticket


class HubSpotLinks:
    """Keeps tickets.external_id the ticket's HubSpot id."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def store(self, ticket: Ticket, hubspot_id: str) -> None:
        """The create was taken: the ticket is HubSpot ticket `hubspot_id`."""
        if not hubspot_id.isascii() or not hubspot_id.isdigit():
            raise ValueError(f"not a HubSpot id: {hubspot_id!r}")
        async with self._db.engine.begin() as connection:
            await connection.execute(
                update(tickets).where(tickets.c.id == ticket.id).values(external_id=hubspot_id)
            )
