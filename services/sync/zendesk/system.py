"""Zendesk as the ticket-system port: the working copy first, its queued copy to Zendesk."""

from __future__ import annotations

from services.tickets.model import Ticket
from services.tickets.port import EmbeddedTicketSystem


class ZendeskTicketSystem(EmbeddedTicketSystem):
    """Writes go to the working copy, whose repository queues each one for ZendeskSender: so a
    customer-visible note becomes a public comment Zendesk e-mails to the requester, and a card
    never waits on Zendesk. `find(outside_id=...)` takes a Zendesk ticket id."""

    reaches_customer = True

    async def create(self, ticket: Ticket) -> str | None:
        """Filed by the sync worker: the Zendesk id once it was sent, None while queued."""
        return ticket.external_id
