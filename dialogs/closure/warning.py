"""Process 8's closing warning (scheduled): the customer hears before a silent ticket closes.

Only for a profile whose [closure] sets warn_customer_after_business_days. Looked at hourly in
business hours, after the close itself (silence.py) so a ticket closed this tick is not warned.
A ticket in a status that closes by itself, silent for that many business days and not warned
since it entered the status, is due the warning (the profile's warning_text):
    SENT       the system of record can reach the customer: the desk sends it, and the close
               follows days_after_warning business days later
    QUEUED     it is sent from the sync queue (HubSpot): on its way, not asked for again; the
               close counts from when it went out, or its owner is handed it if it cannot go
    RETRYING   the system is down or throttling: asked again at the next tick
    HANDED     it cannot (the embedded desk; HubSpot without a conversation to answer): the
               owner gets the text and presses Sent it once it went out; until then the ticket
               does not close (services.tickets.closure)
A ticket escalated and unresolved is not warned: it does not close by itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dialogs.closure.feature import feature
from dialogs.routines.notices import already_handed, hand_over
from services.profile import Profile
from services.routines.messaging import write_to_customer
from services.scheduler import Every
from services.scheduler.skipping import skipped_items
from services.tickets import SYSTEM_ACTOR, Ticket
from services.tickets.autoclose import silent_candidates, warned_at
from services.tickets.customer_message import Purpose, fill
from services.tickets.queued_message import on_its_way
from services.tickets.rules import business_days_between

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def warning(profile: Profile) -> Every | None:
    """Hourly in business hours, for a profile that warns its customers before the close."""
    if profile.closure.warn_customer_after_business_days is None:
        return None
    return Every(60, profile.business_hours)


@feature.job("closure_warnings", schedule=warning)
async def warn_silent_customers(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Warn the customers whose tickets will close for their silence; what happened."""
    skipped = skipped_items(f"Closing warnings ({services.profile.name})", "ticket id")
    done: list[str] = []
    for ticket in await silent_candidates(services, now, skipped):
        try:
            outcome = await _warn(services, notifier, ticket, now)
        except Exception as error:  # this ticket's own failure: the others are still warned
            skipped.skip(ticket.id, error, now)
        else:
            skipped.handled(ticket.id)
            if outcome:
                done.append(f"{ticket.number} {outcome}")
    return "; ".join(done) if done else "no warning due"


def _due(profile: Profile, ticket: Ticket, now: datetime) -> bool:
    """Silent long enough for the warning, and a ticket that would close after it."""
    if ticket.escalated and ticket.resolved_at is None:
        return False
    since = ticket.status_changed_at or ticket.updated_at
    warn_after = profile.closure.warn_customer_after_business_days or 0
    return business_days_between(profile, since, now) >= warn_after


async def _warn(
    services: AppServices, notifier: Notifier, ticket: Ticket, now: datetime
) -> str | None:
    """Send or hand over the ticket's warning if it is due; what was done, None if nothing."""
    profile = services.profile
    if not _due(profile, ticket, now) or await warned_at(services, ticket) is not None:
        return None
    since = ticket.status_changed_at or ticket.updated_at
    if on_its_way(await services.tickets.events(ticket.id), Purpose.CLOSE_WARNING, since):
        return None  # on its way, or handed to its owner when it could not go
    key = f"close-warning:{ticket.number}:{since.isoformat()}"
    if await already_handed(services, ticket, key):
        return None  # its owner has it; asking the system again would change nothing
    text = fill(profile.closure.warning_text, ticket, days=profile.closure.days_after_warning)
    outcome = await write_to_customer(
        services, ticket, text, Purpose.CLOSE_WARNING, SYSTEM_ACTOR, now
    )
    if outcome.sent:
        return f"warned ({outcome.via})"
    if outcome.queued:
        return f"warning on its way ({outcome.via})"
    if outcome.retry:
        return "waits for the system of record"
    names = await hand_over(
        services, notifier, ticket, Purpose.CLOSE_WARNING, text, key, why_not=outcome.why_not
    )
    return f"handed to {', '.join(names)}" if names else "nobody to hand it to"
