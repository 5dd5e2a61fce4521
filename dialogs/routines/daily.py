"""The daily ticket check (scheduled at [routines.daily_check] at, and `check` on request).

States of one person's check for one business day:
    SENT     they hold open tickets or triage has some waiting → one card: what to follow up
             first (waiting on the customer too long, no update for hours, a status update
             due), then their queue, most urgent first
    SKIPPED  nothing held, nothing waiting → nothing is sent
    FAILED   reading or telling theirs failed → logged once, the others still get theirs
Keyed per person per local day, so a second run that day sends nothing new. People who get
the check get no daily digest too (it would list the same queue).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.turn import ActionResult, Turn, card_message
from cards.routines import CHECK, daily_check_card
from dialogs.routines.feature import feature
from dialogs.routines.inputs import NoInputs
from dialogs.shared.links import linker
from dialogs.shared.tickets import now
from dialogs.troubleshooting.views import greeting
from services.delivery import Recipient
from services.profile import Person, Profile
from services.routines.check import DailyCheck, checked_people, daily_check
from services.scheduler import DailyAt
from services.scheduler.skipping import skipped_items

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def at_check_time(profile: Profile) -> DailyAt | None:
    """[routines.daily_check] at, on business days; None: the profile has no daily check."""
    check = profile.routines.daily_check
    return None if check is None else DailyAt(check.at, profile.business_hours)


def _card(services: AppServices, check: DailyCheck, at: datetime) -> dict:
    profile = services.profile
    return daily_check_card(profile, check, at, greeting(profile, at), linker(services))


@feature.command("check", help="Your daily ticket check: your queue and what needs following up")
async def check_command(turn: Turn, args: str) -> None:
    """Send the caller's check as it stands now."""
    assert turn.caller is not None
    check = await daily_check(turn.services, turn.caller, now(turn))
    await turn.send_card(_card(turn.services, check, now(turn)), summary="Your daily ticket check")


@feature.action(CHECK, model=NoInputs)
async def check_again(turn: Turn, data: NoInputs) -> ActionResult:
    """The check card as it stands now."""
    assert turn.caller is not None
    check = await daily_check(turn.services, turn.caller, now(turn))
    return ActionResult(card=_card(turn.services, check, now(turn)))


@feature.job("daily_check", schedule=at_check_time)
async def send_daily_checks(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Send each person of the check's role their check; how many went out."""
    skipped = skipped_items(f"Daily check ({services.profile.name})", "person")
    sent = failed = 0
    for person in checked_people(services):
        try:
            sent += await _send(services, notifier, person, now)
        except Exception as error:  # this person's own failure: the others still get theirs
            skipped.skip(person.id, error, now)
            failed += 1
        else:
            skipped.handled(person.id)
    return f"{sent} daily checks" + (f", {failed} skipped" if failed else "")


async def _send(services: AppServices, notifier: Notifier, person: Person, at: datetime) -> bool:
    """Tell `person` their check; False when there is nothing to tell (nothing sent)."""
    check = await daily_check(services, person, at)
    if check.empty:
        return False
    follow = len(check.follow_ups)
    summary = f"Your daily ticket check: {follow} to follow up" if follow else "Your daily check"
    activity = card_message(_card(services, check, at), summary)
    day = at.astimezone(services.profile.business_hours.zone).date()
    await notifier.tell(Recipient.person(person.id), activity, f"daily-check:{person.id}:{day}")
    return True
