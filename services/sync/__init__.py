"""The durable queue of changes to systems of record (Zendesk now; HubSpot, NetSuite later).

A change is stored in the transaction that makes it (TicketOutbound for tickets), then a
SyncWorker sends it in the background through the system's Sender, in order per record, once
the system takes it; services/sync/status.py reads where things stand.
"""

from services.sync.model import (
    Conflict,
    DeadLetter,
    NewChange,
    Outcome,
    RateLimited,
    Rejected,
    Sender,
    Sent,
    SyncChange,
    Transient,
)
from services.sync.queue import QueueStats, SyncQueue
from services.sync.settings import SyncSettings
from services.sync.status import describe, sync_stats
from services.sync.tickets import TicketOutbound
from services.sync.worker import SyncWorker

__all__ = [
    "Conflict",
    "DeadLetter",
    "NewChange",
    "Outcome",
    "QueueStats",
    "RateLimited",
    "Rejected",
    "Sender",
    "Sent",
    "SyncChange",
    "SyncQueue",
    "SyncSettings",
    "SyncWorker",
    "TicketOutbound",
    "Transient",
    "describe",
    "sync_stats",
]
