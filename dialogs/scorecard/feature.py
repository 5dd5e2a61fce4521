"""The scorecard on request (`scorecard [week]`) and its weekly post."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.router import Feature
from bot.turn import Turn, card_message
from dialogs.scorecard.views import scorecard_view, summary, week_view
from services.delivery import Delivery, Recipient
from services.profile import Capability, Profile
from services.scheduler import WeeklyAt
from services.scorecard import Scorecards, WeekError, last_complete_week, parse_week

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

feature = Feature("scorecard")
BY_PERSON = "by person"


@feature.command(
    "scorecard",
    usage="[week] [by person]",
    help="The weekly scorecard: last week, this week so far, or a week like 2026-W47",
    capability=Capability.VIEW_SCORECARD,
)
async def show_scorecard(turn: Turn, args: str) -> None:
    """Send the scorecard of the week named (the last complete week by default)."""
    services = turn.services
    now = services.clock()
    words, by_person = _by_person(args)
    try:
        week = parse_week(words, services.profile.business_hours.zone, now)
    except WeekError as problem:
        await turn.say(str(problem))
        return
    card = await week_view(services, week, now, by_person=by_person)
    await turn.send_card(card, summary=summary(week))


def _by_person(args: str) -> tuple[str, bool]:
    """The week's words, and whether only the per-person lines are asked for."""
    words = " ".join(args.split())
    if words.lower().endswith(BY_PERSON):
        return words[: -len(BY_PERSON)].strip(), True
    return words, False


def weekly(profile: Profile) -> WeeklyAt | None:
    """When the scorecard posts: the profile's [scorecard] post_on at post_at (None: never)."""
    card = profile.scorecard
    if card is None:
        return None
    return WeeklyAt(card.post_on, card.post_at, profile.business_hours)


@feature.job("scorecard", schedule=weekly)
async def post_scorecard(services: AppServices, notifier: Notifier, now: datetime) -> str | None:
    """Post last complete week's scorecard; returns where it went, None if nowhere to post.

    Goes to the scorecard channel when the profile names one; otherwise to the personal chat
    of everyone who may view the scorecard. None: the profile has no [scorecard], or neither a
    channel nor anyone who may view it. A second run for the same week sends nothing new.
    """
    profile = services.profile
    week = last_complete_week(now, profile.business_hours.zone)
    channel = profile.channels.scorecard
    people = () if channel else profile.people_with_capability(Capability.VIEW_SCORECARD)
    if profile.scorecard is None or not (channel or people):
        return None
    computed = await Scorecards(services.db, profile).scorecard(week, now)
    if computed.quiet:
        # An all-dash card on a new desk's first Monday tells nobody anything.
        return f"{week.label}: nothing to report, no scorecard posted."
    activity = card_message(await scorecard_view(services, computed), summary(week))
    if channel:
        to = Recipient.channel(channel)
        posted = [await notifier.tell(to, activity, f"scorecard:{week.label}")]
        return f"{week.label} scorecard {_outcome(posted)} in the scorecard channel."
    posted = [
        await notifier.tell(Recipient.person(p.id), activity, f"scorecard:{week.label}:{p.id}")
        for p in people
    ]
    names = ", ".join(p.name for p in people)
    return f"{week.label} scorecard {_outcome(posted)} in the personal chats of {names}."


def _outcome(posted: list[Delivery]) -> str:
    """Say "posted", and how many wait until their chat or channel can be reached."""
    held = sum(delivery is not Delivery.SENT for delivery in posted)
    return "posted" if not held else f"posted ({held} held until Teams can be reached)"
