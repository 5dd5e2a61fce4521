"""Zendesk as the ticket-system port: the working copy first, its queued copy to Zendesk."""

from __future__ import annotations

from services.db.database import Database
from services.profile import Profile
from services.tickets.model import Ticket
from services.tickets.port import EmbeddedTicketSystem
from services.tickets.repository import TicketRepository


class ZendeskTicketSystem(EmbeddedTicketSystem):
    """Writes go to the working copy, whose repository queues each one for ZendeskSender: so a
    customer-visible note becomes a public comment Zendesk e-mails to the requester, and a card
    never waits on Zendesk. `find(outside_id=...)` takes a Zendesk ticket id."""

    reaches_customer = True

    def __init__(self, db: Database, tickets: TicketRepository, profile: Profile) -> None:
        super().__init__(db, tickets, profile)

    async def create(self, ticket: Ticket) -> str | None:
        """Filed by the sync worker: the Zendesk id once it was sent, None while queued."""
        return ticket.external_id
