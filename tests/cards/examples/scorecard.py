"""Example scorecards: a busy week with its chart, a week without tickets, a week so far, and
a 30-person roster (the scorecard, and its people on their own card)."""

from datetime import UTC, date, datetime

from cards.scorecard import scorecard_card, scorecard_people_card
from cards.scorecard_chart import trend_png
from services.profile import load_profile
from services.scorecard import (
    TREND_WEEKS,
    PersonWeek,
    TechnicianRow,
    TrendPoint,
    Week,
    WeeklyScorecard,
    WeekMeasures,
)
from services.scorecard.figures import figures

PROFILE = load_profile("bestpack")
W47 = Week(date(2026, 11, 16), PROFILE.business_hours.zone)
POSTED = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # Monday 06:00 Pacific
BUSY = WeekMeasures(
    opened=212,
    resolved=187,
    closed=174,
    reopens=19,
    reopen_base=240,
    ack_due=210,
    ack_met=193,
    first_responses=(35.0, 62.5, 118.0, 240.0, 95.0),
    first_response_due=205,
    first_response_met=180,
    resolutions=(300.0, 1200.0, 2160.0, 4000.0, 9000.0),
    resolution_met=4,
    escalations=12,
    parts_requests=31,
    service_requests=7,
    kb_captured=5,
    kb_published=2,
    backlog=64,
    backlog_ages=(0.5, 2.0, 17.25),
    people=(PersonWeek("kevin", 40, 38, 6, (60.0,), 12),),
)
QUIET = WeekMeasures()
PEOPLE = (
    *(
        TechnicianRow(p.id, p.name, 40 + i, 38 - i, i, 60.0 + 7 * i, 12 + i)
        for i, p in enumerate(PROFILE.roster)
    ),
    TechnicianRow(None, "Unassigned", 0, 0, 0, None, 9),
)
# Worst case for size: every week of the chart has both rates and its counts.
FULL_TREND = tuple(
    TrendPoint(W47.shifted(i - TREND_WEEKS + 1), 3.5 + 1.7 * i, 99.5 - 2.1 * i, 180 + i, 7 + i)
    for i in range(TREND_WEEKS)
)
# A generated roster of 30, with names as long as people's get.
ROSTER_OF_30 = tuple(
    TechnicianRow(f"p{i}", f"Maximiliana Castellanos-Whitfield {i}", 40, 38, 3, 75.0, 12)
    for i in range(30)
)
EMPTY_TREND = tuple(TrendPoint(p.week, None, None) for p in FULL_TREND)


def busy() -> dict:
    """A full week with every person, the chart and all eight weeks of trend."""
    scorecard = WeeklyScorecard(W47, POSTED, figures(PROFILE, BUSY, BUSY), PEOPLE, FULL_TREND)
    return scorecard_card(PROFILE, scorecard, trend_png(FULL_TREND, 5.0))


def quiet() -> dict:
    """A week without tickets after another: every rate is a dash, the chart is empty."""
    scorecard = WeeklyScorecard(W47, POSTED, figures(PROFILE, QUIET, QUIET), (), EMPTY_TREND)
    return scorecard_card(PROFILE, scorecard, trend_png(EMPTY_TREND))


def so_far() -> dict:
    """The running week, without a chart."""
    running = W47.shifted(1)
    scorecard = WeeklyScorecard(running, POSTED, figures(PROFILE, BUSY, QUIET), PEOPLE[:2], ())
    return scorecard_card(PROFILE, scorecard, None)


def roster_of_30() -> dict:
    """A busy week of a 30-person desk: its people wait behind "By person"."""
    scorecard = WeeklyScorecard(W47, POSTED, figures(PROFILE, BUSY, BUSY), ROSTER_OF_30, FULL_TREND)
    return scorecard_card(PROFILE, scorecard, trend_png(FULL_TREND, 5.0, 95.0))


def by_person_30() -> dict:
    """The 30 people's lines on their own card."""
    scorecard = WeeklyScorecard(W47, POSTED, figures(PROFILE, BUSY, BUSY), ROSTER_OF_30, FULL_TREND)
    return scorecard_people_card(scorecard)


EXAMPLES = {
    "scorecard_card": [busy, quiet, so_far, roster_of_30],
    "scorecard_people_card": [by_person_30],
}
