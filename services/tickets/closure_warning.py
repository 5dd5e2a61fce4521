"""The silent close of a desk that warns its customers first ([closure]
warn_customer_after_business_days): when such a ticket may close by itself.

The warning is a customer-visible note the routines record once it went out (by the desk
through the system of record, or by a person who says so); `warned_at` is when, as
customer_message.last_sent finds it since the ticket entered its current status.
"""

from __future__ import annotations

from datetime import datetime

from services.profile import Profile
from services.tickets.model import Ticket
from services.tickets.rules import business_days_between, shown_days


def warned_refusal(
    ticket: Ticket, profile: Profile, now: datetime, warned_at: datetime | None
) -> str | None:
    """Why a ticket of a desk that warns its customers first may not close by itself yet; None
    when it may: warned in its current status, and the rest of the silence passed since."""
    if ticket.resolved_at is None and ticket.escalated:
        return (
            f"{ticket.number} was escalated and has no resolution yet, so it cannot close by "
            "itself; its owner closes it with the RCCA."
        )
    since = ticket.status_changed_at or ticket.updated_at
    if warned_at is None or warned_at < since:
        return f"{ticket.number} cannot close by itself before the customer was warned."
    waited = business_days_between(profile, warned_at, now)
    needed = profile.closure.days_after_warning
    if waited < needed:
        return (
            f"{ticket.number} was warned {shown_days(waited, up=False)} of the {needed} "
            "business days before it closes."
        )
    return None
