"""Harvest as the desk's timesheet: the queue's side of a time entry (outbound.py), the entry as
Harvest takes it (entry.py) and the sync worker's sender (sender.py)."""

SYSTEM = "harvest"  # the sync queue's name for Harvest
TIME_ENTRY = "time_entry"  # the one kind of change it carries
