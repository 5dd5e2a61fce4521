"""The hook through which ticket writes reach a system of record's queue, in their transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncConnection

from services.tickets.model import Ticket, TicketEvent


class Outbound(Protocol):
    """Queues the outbound copy of a ticket change (services/sync/tickets.py implements it).

    Called inside the write's transaction, so a change and its copy commit or roll back
    together. With no system of record configured there is none, and nothing is queued.
    """

    async def record(
        self,
        connection: AsyncConnection,
        ticket: Ticket,
        events: Sequence[TicketEvent],
        *,
        created: bool,
    ) -> None:
        """Queue what `events` did to `ticket` (just created when `created`)."""
        ...
