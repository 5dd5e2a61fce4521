"""Time entries onto the sync queue: each copy for Harvest, in the transaction storing the entry."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from services.sync.harvest import SYSTEM, TIME_ENTRY
from services.sync.model import NewChange
from services.sync.queue import SyncQueue
from services.time_entries.model import TimeEntry


def record_key(entry_id: int) -> str:
    """The queue's key for one entry's copy: "time-17" (each entry is a record of its own)."""
    return f"time-{entry_id}"


class HarvestOutbound:
    """Queues a "time_entry" change naming the entry; the sender reads the entry and its ticket
    as they are when sent. The change is the person's, so they hear if Harvest refuses it."""

    def __init__(self, queue: SyncQueue) -> None:
        self._queue = queue

    async def logged(self, connection: AsyncConnection, entry: TimeEntry) -> None:
        """Queue the copy of `entry`, stored in this transaction."""
        payload = {"entry": entry.id, "ticket": entry.ticket_number}
        change = NewChange(TIME_ENTRY, payload, entry.person_id)
        key = record_key(entry.id)
        await self._queue.enqueue(connection, SYSTEM, key, [change], entry.created_at)
