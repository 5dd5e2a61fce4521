"""The scorecard card of a week, chart included, for whoever asks or is posted it."""

from __future__ import annotations

import asyncio
from datetime import datetime

from cards.scorecard import scorecard_card, scorecard_people_card
from cards.scorecard_chart import trend_png
from services.app_services import AppServices
from services.profile import Metric, Profile
from services.scorecard import Scorecards, Week, WeeklyScorecard


async def week_view(services: AppServices, week: Week, now: datetime, *, by_person: bool) -> dict:
    """The card of `week`'s scorecard as the event log stands at `now` (or its people only)."""
    computed = await Scorecards(services.db, services.profile).scorecard(week, now)
    if by_person:
        return scorecard_people_card(computed)
    return await scorecard_view(services, computed)


def _target(profile: Profile, metric: Metric) -> float | None:
    targets = profile.scorecard.targets if profile.scorecard else ()
    return next((t.value for t in targets if t.metric is metric), None)


async def scorecard_view(services: AppServices, computed: WeeklyScorecard) -> dict:
    """The card of a computed scorecard, with its chart drawn off the event loop."""
    profile = services.profile
    reopen = _target(profile, Metric.REOPEN_RATE_PCT)
    ack = _target(profile, Metric.ACK_WITHIN_SLA_PCT)
    # matplotlib is CPU work of a tenth of a second: keep it off the event loop.
    chart = await asyncio.to_thread(trend_png, computed.trend, reopen, ack)
    return scorecard_card(profile, computed, chart)


def summary(week: Week) -> str:
    """What notifications show for the week's scorecard."""
    return f"Weekly scorecard {week.label}"
