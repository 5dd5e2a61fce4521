"""The weekly queue review (scheduled at [routines.weekly_review], and `review` on request).

Posted once a week to the profile's review channel, like the scorecard: with no channel, to
the personal chat of everyone who may view the scorecard. A second run in the same week sends
nothing new (keyed by the week).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.turn import Turn, card_message
from cards.routines import review_card
from dialogs.routines.feature import feature
from dialogs.shared.links import linker
from dialogs.shared.tickets import now
from services.delivery import Delivery, Recipient
from services.profile import Capability, Profile
from services.routines.review import queue_review
from services.scheduler import WeeklyAt
from services.scorecard import week_containing

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def weekly(profile: Profile) -> WeeklyAt | None:
    """[routines.weekly_review] on, at; None: the profile has no weekly review."""
    review = profile.routines.weekly_review
    return None if review is None else WeeklyAt(review.on, review.at, profile.business_hours)


async def _card(services: AppServices, at: datetime) -> tuple[dict, str]:
    """The review card as the queue stands at `at`, and the week it belongs to."""
    week = week_containing(at, services.profile.business_hours.zone).label
    review = await queue_review(services, at)
    return review_card(services.profile, review, week, linker(services)), week


@feature.command(
    "review",
    help="The weekly queue review: open tickets by status and owner, the oldest, the still ones",
    capability=Capability.VIEW_SCORECARD,
)
async def review_command(turn: Turn, args: str) -> None:
    """Send the review of the queue as it stands now."""
    card, week = await _card(turn.services, now(turn))
    await turn.send_card(card, summary=f"Queue review · {week}")


@feature.job("weekly_review", schedule=weekly)
async def post_review(services: AppServices, notifier: Notifier, now: datetime) -> str | None:
    """Post the week's review; where it went, None when there is nobody to post it to."""
    profile = services.profile
    channel = profile.channels.review
    people = () if channel else profile.people_with_capability(Capability.VIEW_SCORECARD)
    if not (channel or people):
        return None
    card, week = await _card(services, now)
    activity = card_message(card, f"Queue review · {week}")
    if channel:
        posted = [await notifier.tell(Recipient.channel(channel), activity, f"review:{week}")]
        return f"{week} queue review {_outcome(posted)} in the review channel."
    posted = [
        await notifier.tell(Recipient.person(p.id), activity, f"review:{week}:{p.id}")
        for p in people
    ]
    names = ", ".join(p.name for p in people)
    return f"{week} queue review {_outcome(posted)} in the personal chats of {names}."


def _outcome(posted: list[Delivery]) -> str:
    held = sum(delivery is not Delivery.SENT for delivery in posted)
    return "posted" if not held else f"posted ({held} held until Teams can be reached)"
