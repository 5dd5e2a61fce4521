"""HubSpot as the ticket-system port: the working copy first, its queued copy to HubSpot."""

from __future__ import annotations

from services.tickets.model import Ticket
from services.tickets.port import EmbeddedTicketSystem


class HubSpotTicketSystem(EmbeddedTicketSystem):
    """Writes go to the working copy, whose repository queues each one for HubSpotSender, so a
    card never waits on HubSpot. `find(outside_id=...)` takes a HubSpot ticket id.

    HubSpot's notes are internal: a customer-visible note is recorded (and logged on the
    HubSpot ticket as such) but not sent, so staff pass it on themselves.
    """

    reaches_customer = False

    async def create(self, ticket: Ticket) -> str | None:
        """Filed by the sync worker: the HubSpot id once it was sent, None while queued."""
        return ticket.external_id
