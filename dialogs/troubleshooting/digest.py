"""The daily digest (scheduled, no conversation): each technician's open tickets, most urgent first.

States of one person's digest for one business day:
    SENT     they hold open tickets → one card listing them (the queue order: the deadline
             running out first leads), each with its Open button
    SKIPPED  they hold none → nothing is sent
The dedupe key is per person per local day, so a second run that day (a restart, another
replica) sends nothing new.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.turn import card_message
from cards.lists import ticket_list_card
from dialogs.troubleshooting.feature import troubleshooting
from services.profile import Capability, Profile
from services.scheduler import DailyAt

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def at_opening(profile: Profile) -> DailyAt:
    """At opening time on business days, so the list is waiting when the day starts."""
    return DailyAt(profile.business_hours.open, profile.business_hours)


@troubleshooting.job("daily_digest", schedule=at_opening)
async def send_daily_digest(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Send each person who works tickets their open ones; how many digests went out."""
    profile = services.profile
    day = now.astimezone(profile.business_hours.zone).date()
    sent = 0
    for person in profile.people_with_capability(Capability.WORK_TICKETS):
        tickets = await services.tickets.open_for_assignee(person.id)
        if not tickets:
            continue
        title = f"Good morning, {person.name}: your open tickets ({len(tickets)})"
        card = ticket_list_card(profile, title, tickets, now)
        summary = f"Your {len(tickets)} open tickets, most urgent first"
        await notifier.send(
            "person",
            person.id,
            card_message(card, summary),
            dedupe_key=f"digest:{person.id}:{day.isoformat()}",
        )
        sent += 1
    return f"{sent} digests"
