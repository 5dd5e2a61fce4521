"""The weekly scorecard ("Measure"): shown on request, and posted every week by the scheduler.

States:
    ASKED    `scorecard [week]` by someone who may view it → the week's scorecard card (the
             last complete week unless a week is named: 2026-W47 or a date inside it)
    REFUSED  a week that is not one, or has not started → says which forms work; nothing sent
    POSTED   post_scorecard (Monday 06:00 Pacific, bot.scheduler) → last complete week's card
             in the scorecard channel, or, with no channel set, in the personal chat of each
             person who may view it; once per week and person (the outbox's dedupe key)
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.notifier import Notifier
from bot.router import Feature
from bot.turn import Turn, card_message
from cards.scorecard import scorecard_card
from cards.scorecard_chart import trend_png
from services.app_services import AppServices
from services.db.outbox import OutboxMessage
from services.profile import Capability, Metric, Profile
from services.scheduler import WeeklyAt
from services.scorecard import (
    Scorecards,
    Week,
    WeekError,
    WeeklyScorecard,
    last_complete_week,
    parse_week,
)

scorecard = Feature("scorecard")


async def scorecard_message_card(services: AppServices, week: Week, now: datetime) -> dict:
    """The card of `week`'s scorecard as the event log stands at `now`, chart included."""
    return await _card(
        services, await Scorecards(services.db, services.profile).scorecard(week, now)
    )


async def _card(services: AppServices, computed: WeeklyScorecard) -> dict:
    """The card of a computed scorecard, with its chart drawn off the event loop."""
    profile = services.profile
    targets = profile.scorecard.targets if profile.scorecard else ()
    target = next((t.value for t in targets if t.metric is Metric.REOPEN_RATE_PCT), None)
    # matplotlib is CPU work of a tenth of a second: keep it off the event loop.
    chart = await asyncio.to_thread(trend_png, computed.trend, target)
    return scorecard_card(profile, computed, chart)


def _summary(week: Week) -> str:
    return f"Weekly scorecard {week.label}"


@scorecard.command(
    "scorecard",
    usage="[week]",
    help="The weekly scorecard: last week, or a week like 2026-W47",
    capability=Capability.VIEW_SCORECARD,
)
async def show_scorecard(turn: Turn, args: str) -> None:
    """Send the scorecard of the week named (the last complete week by default)."""
    services = turn.services
    now = services.clock()
    try:
        week = parse_week(args, services.profile.business_hours.zone, now)
    except WeekError as problem:
        await turn.say(str(problem))
        return
    card = await scorecard_message_card(services, week, now)
    await turn.send_card(card, summary=_summary(week))


def weekly(profile: Profile) -> WeeklyAt | None:
    """When the scorecard posts: the profile's [scorecard] post_on at post_at (None: never)."""
    card = profile.scorecard
    if card is None:
        return None
    return WeeklyAt(card.post_on, card.post_at, profile.business_hours)


@scorecard.job("scorecard", schedule=weekly)
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
    activity = card_message(await _card(services, computed), _summary(week))
    posts: list[OutboxMessage] = []
    if channel:
        key = f"scorecard:{week.label}"
        posts.append(
            await notifier.send("conversation", f"channel:{channel}", activity, dedupe_key=key)
        )
        return f"{week.label} scorecard {_outcome(posts)} in the scorecard channel."
    for person in people:
        key = f"scorecard:{week.label}:{person.id}"
        posts.append(await notifier.send("person", person.id, activity, dedupe_key=key))
    names = ", ".join(p.name for p in people)
    return f"{week.label} scorecard {_outcome(posts)} in the personal chats of {names}."


def _outcome(posts: list[OutboxMessage]) -> str:
    """Say "posted", and how many wait until their chat or channel can be reached."""
    held = sum(post.status != "sent" for post in posts)
    return "posted" if not held else f"posted ({held} held until Teams can be reached)"
