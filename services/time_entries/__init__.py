"""Time worked on tickets: `time <ticket> <duration> [note]` stores an entry (and its ticket's
total grows); with Harvest on, each entry's copy goes there through the sync queue."""

from services.time_entries.model import NewTimeEntry, TimeEntry, TimesheetOutbound
from services.time_entries.repository import TimeEntryRepository
from services.time_entries.rules import log_time, spoken

__all__ = [
    "NewTimeEntry",
    "TimeEntry",
    "TimeEntryRepository",
    "TimesheetOutbound",
    "log_time",
    "spoken",
]
