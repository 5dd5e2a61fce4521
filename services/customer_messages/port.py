"""The customer-message port: can the desk write to this ticket's customer, and the sending."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from services.tickets.model import Ticket


@dataclass(frozen=True)
class Route:
    """How a message to one ticket's customer would go.

    `via` says it in words for the timeline ("the HubSpot conversation"); None means the desk
    cannot send it and `why_not` says why, for the person who then sends it themselves.
    `handle` is what `send` needs from the look-up (a thread, a channel, an address).
    `queued`: the message is recorded as on its way and the sync queue sends it, so nobody
    waits on the system (`send` is not called).
    """

    via: str | None
    why_not: str = ""
    handle: Mapping[str, Any] = field(default_factory=dict)
    queued: bool = False

    @property
    def sends(self) -> bool:
        """Whether the desk can send the message itself."""
        return self.via is not None


class MessageFailed(Exception):
    """The system of record did not take the message. `retry`: it may later (down, throttled);
    otherwise it never will, and a person should send the text."""

    def __init__(self, reason: str, *, retry: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry


class CustomerMessages(Protocol):
    """Where messages to customers go, by the ticket's system of record."""

    async def route(self, ticket: Ticket) -> Route:
        """Whether and how the desk can write to the ticket's customer now."""
        ...

    async def send(self, ticket: Ticket, text: str, route: Route) -> str | None:
        """Hand `text` to the system along a route that sends; the system's message id, or None
        when recording the customer-visible note is the sending (the sync queue carries it).
        MessageFailed when the system did not take it."""
        ...
