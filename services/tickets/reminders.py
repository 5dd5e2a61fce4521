"""Process 8's closure reminders: which one a resolved ticket is due while its customer is silent.

The profile promises reminders after some business days of silence (closure
reminder_after_business_days, all before auto_close_after_business_days). Silence counts as
the silent close counts it, so the reminders come before that close on the same clock; a
ticket the customer answered (closed, reopened, back in work) is due none.
"""

from __future__ import annotations

from datetime import datetime

from services.profile import Profile
from services.tickets.closure import business_days_without_answer
from services.tickets.model import Ticket


def reminder_due(ticket: Ticket, profile: Profile, now: datetime) -> int | None:
    """The latest reminder (its business days of silence) the ticket has reached; None: none."""
    policy = profile.closure
    if ticket.status not in profile.auto_close_roles or ticket.resolved_at is None:
        return None
    silent = business_days_without_answer(ticket, profile, now)
    # Only the latest: after downtime one nudge says it all, not a backlog of them.
    return max((d for d in policy.reminder_after_business_days if d <= silent), default=None)
