"""The daily digest (scheduled, no conversation): each technician's open tickets, most urgent first.

States of one person's digest for one business day:
    SENT     they hold open tickets → one card listing them (the queue order: the deadline
             running out first leads), each with its Open button
    SKIPPED  they hold none → nothing is sent
    FAILED   reading or telling theirs failed → logged once (not again each day it still
             fails), and the others still get theirs
The dedupe key is per person per local day, so a second run that day (a restart, another
replica) sends nothing new. A digest held for someone without the app is rewritten when a
ticket is assigned to them, so it lists what they hold when they open the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from botbuilder.schema import Activity

from bot.turn import card_message
from dialogs.shared.links import linker
from dialogs.troubleshooting.feature import feature
from dialogs.troubleshooting.views import digest_view
from services.delivery import Recipient
from services.profile import Capability, Person, Profile
from services.routines.check import checked_people
from services.scheduler import DailyAt
from services.scheduler.skipping import skipped_items
from services.tickets import Ticket

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def at_opening(profile: Profile) -> DailyAt:
    """At opening time on business days, so the list is waiting when the day starts."""
    return DailyAt(profile.business_hours.open, profile.business_hours)


@feature.job("daily_digest", schedule=at_opening)
async def send_daily_digest(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Send each person who works tickets their open ones; how many digests went out.

    People who get the daily ticket check ([routines.daily_check]) get no digest: their check
    lists the same queue.
    """
    profile = services.profile
    skipped = skipped_items(f"Daily digest ({profile.name})", "person")
    sent = failed = 0
    checked = {person.id for person in checked_people(services)}
    for person in profile.people_with_capability(Capability.WORK_TICKETS):
        if person.id in checked:
            continue
        try:
            sent += await _send_digest(services, notifier, person, now)
        except Exception as error:  # this person's own failure: the others still get theirs
            skipped.skip(person.id, error, now)
            failed += 1
        else:
            skipped.handled(person.id)
    return f"{sent} digests" + (f", {failed} skipped" if failed else "")


def _key(profile: Profile, person: Person, now: datetime) -> str:
    """One digest per person per local day."""
    return f"digest:{person.id}:{now.astimezone(profile.business_hours.zone).date()}"


def _digest(
    services: AppServices, person: Person, tickets: Sequence[Ticket], now: datetime
) -> Activity:
    summary = f"Your {len(tickets)} open tickets, most urgent first"
    card = digest_view(services.profile, person, tickets, now, linker(services))
    return card_message(card, summary)


async def _send_digest(
    services: AppServices, notifier: Notifier, person: Person, now: datetime
) -> bool:
    """Tell `person` their open tickets; False when they hold none (nothing sent)."""
    profile = services.profile
    tickets = await services.tickets.open_for_assignee(person.id)
    if not tickets:
        return False
    activity = _digest(services, person, tickets, now)
    await notifier.tell(Recipient.person(person.id), activity, _key(profile, person, now))
    return True


async def refresh_held_digest(services: AppServices, person: Person, now: datetime) -> bool:
    """Rewrite today's digest still held for `person` with what they hold now, if there is one."""
    profile = services.profile
    tickets = await services.tickets.open_for_assignee(person.id)
    if not tickets:
        return False
    payload = _digest(services, person, tickets, now).serialize()
    return await services.outbox.rewrite_waiting(_key(profile, person, now), payload)
