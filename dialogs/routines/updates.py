"""Status updates to escalated tickets' customers, at [routines.status_updates]'s cadence.

Looked at hourly in business hours. An open ticket escalated to Engineering or on intake (a
production ticket on Kinetic's desk) is due one when its customer last heard from the team (or
it was escalated) `every_business_days` ago. With send = "automatic"
the desk sends the profile's text where the system of record can, else (or with "owner") the
ticket's owner gets it prefilled, to edit and send (see dialogs/routines/__init__.py). Each due
update is handed over once: keyed by the ticket and the moment its cadence counts from.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dialogs.routines.feature import feature
from dialogs.routines.notices import already_handed, hand_over
from services.customer_messages import MessageFailed
from services.profile import Profile
from services.routines.escalated import escalated_open
from services.routines.followup import update_due_since
from services.routines.messaging import write_to_customer
from services.scheduler import Every
from services.scheduler.skipping import skipped_items
from services.tickets import SYSTEM_ACTOR, Ticket
from services.tickets.customer_message import Purpose, fill
from services.tickets.queued_message import on_its_way

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def hourly(profile: Profile) -> Every | None:
    """Hourly in business hours, for a profile with [routines.status_updates]."""
    if profile.routines.status_updates is None:
        return None
    return Every(60, profile.business_hours)


@feature.job("status_updates", schedule=hourly)
async def status_updates(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Send or hand over the status updates due now; what happened, in a line."""
    skipped = skipped_items(f"Status updates ({services.profile.name})", "ticket id")
    done: list[str] = []
    for ticket in await escalated_open(services):
        try:
            outcome = await _update(services, notifier, ticket, now)
        except Exception as error:  # this ticket's own failure: the others still get theirs
            skipped.skip(ticket.id, error, now)
        else:
            skipped.handled(ticket.id)
            if outcome:
                done.append(f"{ticket.number} {outcome}")
    return "; ".join(done) if done else "no status update due"


async def _update(
    services: AppServices, notifier: Notifier, ticket: Ticket, now: datetime
) -> str | None:
    """Send or hand over this ticket's update if one is due; what was done, None if nothing."""
    profile = services.profile
    cadence = profile.routines.status_updates
    assert cadence is not None  # the job runs only for a profile with status updates
    events = await services.tickets.events(ticket.id)
    since = update_due_since(ticket, profile, now, events)
    if since is None or on_its_way(events, Purpose.STATUS_UPDATE, since):
        return None  # not due, or on its way (handed to the owner if it cannot go)
    key = f"status-update:{ticket.number}:{since.isoformat()}"
    if await already_handed(services, ticket, key):
        return None
    text = fill(cadence.text, ticket)
    why_not = ""
    if cadence.send == "automatic":
        outcome = await write_to_customer(
            services, ticket, text, Purpose.STATUS_UPDATE, SYSTEM_ACTOR, now
        )
        if outcome.sent:
            return f"sent ({outcome.via})"
        if outcome.queued:
            return f"on its way ({outcome.via})"
        if outcome.retry:
            return "waits for the system of record"
        why_not = outcome.why_not
    else:
        try:
            route = await services.customer_messages.route(ticket)
            why_not = "" if route.sends else route.why_not
        except MessageFailed:
            why_not = ""  # down for now: the card offers Send, which tries again then
    names = await hand_over(
        services, notifier, ticket, Purpose.STATUS_UPDATE, text, key, why_not=why_not
    )
    return f"handed to {', '.join(names)}" if names else "nobody to hand it to"
