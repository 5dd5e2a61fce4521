"""Ticket writes onto the sync queue: one change per save, in the save's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.types import utc_now
from services.sync.model import NewChange
from services.sync.queue import SyncQueue
from services.tickets.history import json_value
from services.tickets.model import EventKind, Ticket, TicketEvent

CUSTOMER_MESSAGE = "customer_message"  # the change kind of a message to a ticket's customer


def event_payload(event: TicketEvent) -> dict[str, Any]:
    """An event as JSON, for the sender to turn into the system's own request."""
    return {
        "kind": event.kind.value,
        "actor_id": event.actor_id,
        "at": event.at.isoformat(),
        "visibility": event.visibility.value,
        "body": event.body,
        "before": {k: json_value(v) for k, v in (event.before or {}).items()},
        "after": {k: json_value(v) for k, v in (event.after or {}).items()},
    }


class TicketOutbound:
    """Queues a "create" for a new ticket and an "update" for each later save, keyed by number.

    The payload names the ticket and its version and carries the save's events; the system's
    sender reads what else it needs (the ticket as it is when sent).
    """

    def __init__(self, queue: SyncQueue, system: str) -> None:
        self._queue, self._system = queue, system

    async def record(
        self,
        connection: AsyncConnection,
        ticket: Ticket,
        events: Sequence[TicketEvent],
        *,
        created: bool,
    ) -> None:
        """Queue the save of `ticket` with its `events` (nothing for a save without events);
        a message to the customer queued with the save goes as a change of its own."""
        messages = [e for e in events if e.kind is EventKind.MESSAGE_QUEUED]
        events = [e for e in events if e.kind is not EventKind.MESSAGE_QUEUED]
        changes = [message_change(ticket, e) for e in messages]
        if events or created:
            payload = {
                "number": ticket.number,
                "version": ticket.version,
                "events": [event_payload(event) for event in events],
            }
            actor = events[-1].actor_id if events else None
            changes.insert(0, NewChange("create" if created else "update", payload, actor))
        if not changes:
            return
        stamped = [*events, *messages]
        now = stamped[-1].at if stamped else utc_now()
        await self._queue.enqueue(connection, self._system, ticket.number, changes, now)


def message_change(ticket: Ticket, queued: TicketEvent) -> NewChange:
    """A queued message to the customer (services.tickets.queued_message) as its own change:
    the text, why it is sent, its key, and who wrote it."""
    after = queued.after or {}
    payload = {
        "number": ticket.number,
        "text": queued.body or "",
        "purpose": after.get("purpose"),
        "via": after.get("via"),
        "key": after.get("key"),
    }
    return NewChange(CUSTOMER_MESSAGE, payload, queued.actor_id)
