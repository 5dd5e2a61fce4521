"""Process 8 while the customer is silent (scheduled, no conversation): reminders, then the close.

States of a resolved ticket awaiting its customer, counted in business days of silence
(profile [closure]; BestPack: reminders after 2 and 4, the close after 5):
    WAITING    resolved, the customer asked to confirm the fix
    REMINDED   each reminder day reached → the assignee (nobody left: the managers) is nudged
               to chase the customer, once per reminder and resolution (the notice's key);
               after downtime only the latest reminder reached goes out
    CLOSED     the close day reached → the desk closes it, "no answer from the customer"
The customer's confirmation, a reopen or any move back to work ends the wait: no more reminders.
A ticket that fails is skipped and logged once; the others are still reminded or closed.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dialogs.closure.feature import feature
from dialogs.closure.notices import remind_to_chase
from services.profile import Profile
from services.scheduler import Every
from services.scheduler.skipping import skipped_items
from services.tickets.autoclose import close_silent_tickets, silent_candidates
from services.tickets.reminders import reminder_due

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def hourly(profile: Profile) -> Every:
    """Every hour in business hours: silence is counted in business time."""
    return Every(60, profile.business_hours)


def reminding(profile: Profile) -> Every | None:
    """Hourly, for a profile that promises reminders; None (never) for one that does not."""
    return hourly(profile) if profile.closure.reminder_after_business_days else None


# The close first: a ticket it closes at this tick is not reminded in the same run.
@feature.job("autoclose", schedule=hourly)
async def autoclose(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Close the resolved tickets whose customer stayed silent long enough."""
    closed = await close_silent_tickets(services, now)
    return f"closed {', '.join(closed)}" if closed else "nothing to close"


@feature.job("closure_reminders", schedule=reminding)
async def remind_assignees(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Nudge whoever works each silent resolved ticket at the reminders the profile promises."""
    profile = services.profile
    skipped = skipped_items(f"Closure reminders ({profile.name})", "ticket id")
    due: list[str] = []
    for ticket in await silent_candidates(services, now, skipped):
        try:
            days = reminder_due(ticket, profile, now)
            if days is not None:
                await remind_to_chase(services, notifier, ticket, days)
                due.append(f"{ticket.number} ({days} days)")
        except Exception as error:  # this ticket's own failure: the others are still reminded
            skipped.skip(ticket.id, error, now)
        else:
            skipped.handled(ticket.id)
    return f"reminders due: {', '.join(due)}" if due else "no reminder due"
