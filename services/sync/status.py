"""Where the sync stands, for /metrics and in words for the `sync status` command."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from services.db.database import Database
from services.sync.harvest import TIME_ENTRY
from services.sync.model import SyncChange
from services.sync.projects import CREATE_PROJECT
from services.sync.queue import QueueStats, SyncQueue

# How each system and each kind of change is named in a sentence.
SYSTEM_NAMES = {
    "zendesk": "Zendesk",
    "netsuite": "NetSuite",
    "hubspot": "HubSpot",
    "harvest": "Harvest",
}
KIND_NAMES = {"create": "filing", CREATE_PROJECT: "its project", TIME_ENTRY: "time worked"}


def system_name(system: str) -> str:
    """ "Zendesk", "NetSuite": a system of record as people write it."""
    return SYSTEM_NAMES.get(system, system.capitalize())


async def sync_stats(db: Database) -> dict[str, QueueStats]:
    """Each system's queue depth, oldest unsent change and dead letters, read now."""
    return await SyncQueue(db).stats()


def oldest_age(stats: QueueStats, now: datetime) -> float:
    """Seconds the oldest unsent change has waited (0 when nothing waits)."""
    if stats.oldest_unsent_at is None:
        return 0.0
    return max(0.0, (now - stats.oldest_unsent_at).total_seconds())


def _duration(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 1:
        return "less than a minute"
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{minutes // 60} hours"


def describe_dead(dead: Sequence[SyncChange], name_of: Callable[[str], str]) -> list[str]:
    """One line per dead letter: the record, whose change it was, and why it was given up."""
    lines = []
    for change in dead:
        who = name_of(change.actor_id) if change.actor_id else "nobody in particular"
        what = KIND_NAMES.get(change.kind, change.kind)
        lines.append(
            f"{change.record_key} ({what} by {who}, {system_name(change.system)}): "
            f"{change.dead_reason or 'given up'}"
        )
    return lines


def describe(stats: Mapping[str, QueueStats], now: datetime) -> list[str]:
    """One sentence per system of record, e.g. for a manager asking `sync status`."""
    if not stats:
        return ["Nothing has been queued for a system of record."]
    lines = []
    for system, one in sorted(stats.items()):
        if one.depth:
            waiting = (
                f"{one.depth} change{'s' if one.depth != 1 else ''} waiting to be sent, "
                f"the oldest for {_duration(oldest_age(one, now))}"
            )
        else:
            waiting = "everything sent"
        dead = f"{one.dead} refused or given up" if one.dead else "none refused"
        lines.append(f"{system_name(system)}: {waiting}; {dead}.")
    return lines
