"""Process 3, troubleshooting: the ticket card, notes, statuses, the daily digest."""
