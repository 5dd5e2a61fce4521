"""Customer messages the sync queue sends (HubSpot's conversations): nobody waits on the system.

The route is decided here without asking the system: a ticket it keeps is answered through it,
and the message is recorded as on its way in the transaction that queues it. The sync sender
(services.sync.hubspot.messages) then finds the conversation and sends; where there is none,
or the system refuses, the ticket's owner is handed the text in Teams.
"""

from __future__ import annotations

from services.customer_messages.port import MessageFailed, Route
from services.tickets.model import Ticket


class QueuedMessages:
    """Routes every message of a ticket the system keeps onto the sync queue."""

    def __init__(self, via: str, system: str) -> None:
        self._via = via  # in words, for the timeline: "the HubSpot conversation"
        self._system = system  # its name: "HubSpot"

    async def route(self, ticket: Ticket) -> Route:
        """Queued, for a ticket the system has; else why a person must send it."""
        if not (ticket.external_id or "").isdigit():
            return Route(None, f"{ticket.number} is not in {self._system} yet")
        return Route(self._via, queued=True)

    async def send(self, ticket: Ticket, text: str, route: Route) -> str | None:
        """Never called: the sync queue sends these (Route.queued)."""
        raise MessageFailed("queued messages are sent by the sync worker", retry=False)
