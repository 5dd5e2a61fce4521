"""Time worked on a ticket: an entry as logged, and the port that carries it to a timesheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncConnection

from services.forms.bounds import MINUTES, REASON

MOST_MINUTES = MINUTES[1]  # a day: more is two entries, or a typo ("45h" for "45m")
NOTE_LIMIT = REASON  # what the work was, in a sentence or two


@dataclass(frozen=True)
class NewTimeEntry:
    """An entry about to be stored: checked already (services.time_entries.logging)."""

    ticket_id: int
    ticket_number: str
    person_id: str
    minutes: int
    spent_date: date
    note: str | None
    created_at: datetime


@dataclass(frozen=True)
class TimeEntry(NewTimeEntry):
    """A stored entry; `harvest_id` once Harvest made its copy."""

    id: int = 0
    profile: str = ""
    harvest_id: str | None = None


class TimesheetOutbound(Protocol):
    """Queues an entry's copy for an outside timesheet (Harvest) inside the transaction that
    stores it, so the two commit or roll back together (services.sync.harvest implements it).
    Without an outside timesheet there is none, and entries are stored only."""

    async def logged(self, connection: AsyncConnection, entry: TimeEntry) -> None:
        """Queue the copy of `entry`, stored in this transaction."""
        ...
