"""The weekly scorecard of a hand-checked week (2026-W47, Mon 16 - Sun 22 Nov), on both databases.

The week, as the tickets below live it (times Pacific; business hours 05:00-17:00 Mon-Fri):

  A high    opened Mon 09:00, ack 09:30, Kevin answers 10:30, resolves Mon 14:00; reopened
            Tue 09:00, Kevin resolves again Tue 11:00; closed Wed 09:00.
  B normal  opened Mon 10:00, ack 11:30 (late), Jordan answers 13:00, waits on the customer
            Mon 14:00 - Wed 09:00, resolves Thu 10:00.
  C urgent  opened Tue 08:00, ack 08:20, Sean answers 10:00 (late), resolves Wed 16:00 (late).
  D normal  opened Fri 16:30, never acknowledged, unassigned.
  E low     opened Sat 10:00; acknowledged and given to Ezechiel Mon 23 05:10 (next week).
  G normal  opened Thu 09:00, ack 09:05, Jordan answers 10:00; resolved Mon 23 05:30 (next week).
  F normal  opened in W46 (Tue 10 Nov 09:00), Kevin resolved it Fri 13 Nov 10:00;
            reopened Mon 16 08:00 and still with Kevin.
  H normal  opened in W45 (Mon 2 Nov), Jordan resolved it Fri 6 Nov; closed Thu 19 09:00.

The scorecard is computed Monday 23 Nov 06:00, when the bot posts it.
"""

from __future__ import annotations

import pytest

from services.db import Database
from services.profile import Metric
from services.scorecard import (
    Scorecards,
    Week,
    WeeklyScorecard,
    shown,
    shown_change,
    shown_target,
    shown_verdict,
)
from services.scorecard.figures import LINES
from services.scorecard.weeks import week_containing
from tests.harness.scorecard_book import BESTPACK, DAY, PACIFIC, POSTED, pt, seed_the_week

W47 = week_containing(pt(16, 12), PACIFIC)


@pytest.fixture
async def scorecard(database: Database) -> WeeklyScorecard:
    """W47's scorecard, computed when it is posted."""
    await seed_the_week(database)
    return await Scorecards(database, BESTPACK).scorecard(W47, POSTED)


def value(card: WeeklyScorecard, key: str) -> float | None:
    """A figure's value this week."""
    return card.figure(key).value


async def test_the_headline_is_the_reopen_rate(scorecard: WeeklyScorecard) -> None:
    # Reopens in W47: A (Tue) and F (Mon) = 2. Resolved or closed in W47: A, B, C, H = 4.
    # 2 / 4 = 50%, against a target of at most 5%.
    headline = scorecard.headline
    assert (headline.key, headline.label, headline.value) == ("reopen_rate_pct", "Reopen rate", 50)
    assert (shown_verdict(headline), shown_target(headline.target)) == ("missed", "≤ 5.0%")
    # W46: F resolved, nothing reopened: 0 / 1 = 0%, so +50 points.
    assert (headline.previous, shown_change(headline)) == (0, "+50.0 pts")


async def test_counts_of_the_week(scorecard: WeeklyScorecard) -> None:
    assert value(scorecard, "reopens") == 2
    assert value(scorecard, "opened") == 6  # A, B, C, D, E, G
    assert value(scorecard, "resolved") == 3  # A (twice, counted once), B, C
    assert value(scorecard, "closed") == 2  # A, H
    assert value(scorecard, "escalations") == 1
    assert value(scorecard, "parts_requests") == 1
    assert value(scorecard, "service_requests") == 1
    assert value(scorecard, "kb_captured") == 2  # drafted Tue and Wed
    assert value(scorecard, Metric.KB_ARTICLES_PUBLISHED) == 2  # published Wed and Thu
    assert scorecard.figure(Metric.KB_ARTICLES_PUBLISHED).met is True  # at least 1
    assert scorecard.figure("opened").previous == 1  # F
    assert shown_change(scorecard.figure("opened")) == "+5"


async def test_acknowledgements_in_time(scorecard: WeeklyScorecard) -> None:
    # Due within 60 business minutes: A 30 met; B 90 missed; C 20 met; G 5 met;
    # E (Sat) due Mon 06:00, acked Mon 05:10, met; D due Mon 05:30, not acked by 06:00, missed.
    # 4 / 6 = 66.7% against at least 95%; W46: F 1 / 1 = 100%.
    ack = scorecard.figure(Metric.ACK_WITHIN_SLA_PCT)
    assert ack.value == pytest.approx(400 / 6)
    assert (ack.label, shown(ack.value, ack.unit), shown_verdict(ack)) == (
        "Acknowledged within 1 business hour",
        "66.7%",
        "missed",
    )
    assert (ack.previous, shown_change(ack)) == (100, "−33.3 pts")


async def test_first_responses(scorecard: WeeklyScorecard) -> None:
    # A 90, B 180, C 120, G 60 business minutes; D and E unanswered. Median (90 + 120) / 2 = 105,
    # within the 120-minute target. W46: F answered in 60, so +45 min.
    median = scorecard.figure(Metric.FIRST_RESPONSE_MEDIAN)
    assert (median.value, median.met, shown_change(median)) == (105, True, "+45 min")
    # Targets: A high 120 met, B normal 240 met, C urgent 60 missed, G 240 met; D has used
    # 30 + 60 = 90 of 240 by Mon 06:00 and E 60 of 480: still running, left out. 3 / 4 = 75%.
    assert value(scorecard, Metric.FIRST_RESPONSE_WITHIN_SLA_PCT) == 75


async def test_resolution_times(scorecard: WeeklyScorecard) -> None:
    # A: Mon 09:00 -> Tue 11:00 (its last resolution) = 480 + 360 = 840 min.
    # B: Mon 10:00 -> Thu 10:00 = 420 + 720 + 720 + 300 = 2160 min.
    # C: Tue 08:00 -> Wed 16:00 = 540 + 660 = 1200 min.
    # Median 1200 min = 1.67 days; p90 is rank ceil(0.9 * 3) = 3: 2160 min = 3.0 days.
    assert value(scorecard, "resolution_median") == pytest.approx(1200 / DAY)
    p90 = scorecard.figure(Metric.RESOLUTION_P90)
    assert (p90.value, shown(p90.value, p90.unit), p90.met) == (3.0, "3.0 days", True)
    # SLA clock: A 840 <= 1440 met; B waited Mon 14:00 - Wed 09:00 (180 + 720 + 240 = 1140),
    # so 2160 - 1140 = 1020 <= 3600 met; C 1200 > 720 missed. 2 / 3 = 66.7%, target 90%.
    within = scorecard.figure(Metric.RESOLUTION_WITHIN_SLA_PCT)
    assert (within.value, within.met) == (pytest.approx(200 / 3), False)
    # W46: F Tue 09:00 -> Fri 10:00 = 480 + 720 + 720 + 300 = 2220 min.
    assert p90.previous == pytest.approx(2220 / DAY)


async def test_sla_breaches(scorecard: WeeklyScorecard) -> None:
    # Acknowledgements B and D, first response C, resolution C.
    breaches = scorecard.figure(Metric.SLA_BREACHES)
    assert (breaches.value, breaches.previous, breaches.target) == (4, 0, None)


async def test_backlog_at_the_end_of_the_week(scorecard: WeeklyScorecard) -> None:
    # Open at Mon 23 00:00: D, E (acked and assigned only afterwards), F (reopened), G (resolved
    # only afterwards). Ages to the week's end in business days: E 0 (Sat), D 30 min = 0.04,
    # G Thu 09:00 = 480 + 720 = 1200 min = 1.67, F Tue 10 Nov 09:00 = 480 + 3 * 720 + 5 * 720 =
    # 6240 min = 8.67. Median (30 + 1200) / 2 min; W46 ended with nothing open (F and H resolved).
    assert (value(scorecard, Metric.OPEN_BACKLOG), scorecard.figure("open_backlog").previous) == (
        4,
        0,
    )
    assert value(scorecard, "backlog_median_age") == pytest.approx((30 + 1200) / 2 / DAY)
    oldest = scorecard.figure("backlog_oldest_age")
    assert (oldest.value, oldest.previous) == (pytest.approx(6240 / DAY), None)
    assert (shown(oldest.value, oldest.unit), shown_change(oldest)) == ("8.7 days", "—")


async def test_one_row_per_technician(scorecard: WeeklyScorecard) -> None:
    rows = {r.name: r for r in scorecard.technicians}
    assert list(rows) == ["Jordan", "Kevin", "Sean", "Ezechiel", "Unassigned"]
    # Jordan: B and G assigned, B resolved, answered B in 180 and G in 60 (median 120), holds G.
    jordan = rows["Jordan"]
    assert (jordan.assigned, jordan.resolved, jordan.reopens, jordan.backlog) == (2, 1, 0, 1)
    assert jordan.first_response_median == 120
    # Kevin: A assigned and resolved; A and F came back after his fixes; holds F.
    kevin = rows["Kevin"]
    assert (kevin.assigned, kevin.resolved, kevin.reopens, kevin.backlog) == (1, 1, 2, 1)
    assert kevin.first_response_median == 90
    sean = rows["Sean"]
    assert (sean.assigned, sean.resolved, sean.reopens, sean.first_response_median) == (
        1,
        1,
        0,
        120,
    )
    # Ezechiel got E only after the week ended.
    ezechiel = rows["Ezechiel"]
    assert (ezechiel.assigned, ezechiel.backlog, ezechiel.first_response_median) == (0, 0, None)
    assert rows["Unassigned"].backlog == 2  # D and E


async def test_every_metric_the_profile_knows_is_on_the_card(scorecard: WeeklyScorecard) -> None:
    keys = [f.key for f in scorecard.figures]
    # A metric only some desks measure is on the card of those whose [scorecard] lists it.
    listed_only = {str(line.key) for line in LINES if line.listed_only}
    assert set(Metric) - listed_only <= set(keys)
    assert listed_only.isdisjoint(keys)  # BestPack lists none of them
    assert len(keys) == len(set(keys))
    with_targets = {f.key for f in scorecard.figures if f.target is not None}
    assert with_targets == {t.metric.value for t in BESTPACK.scorecard.targets}


async def test_the_trend_covers_eight_weeks(scorecard: WeeklyScorecard) -> None:
    trend = scorecard.trend
    assert [p.week.label for p in trend] == [f"2026-W{n}" for n in range(40, 48)]
    assert [p.reopen_rate_pct for p in trend[-3:]] == [0, 0, 50]  # H, F resolved; then 2 / 4
    assert [p.ack_pct for p in trend[-3:]] == [100, 100, pytest.approx(400 / 6)]
    assert trend[0].reopen_rate_pct is None and trend[0].ack_pct is None  # nothing then


async def test_the_scorecard_of_a_week_without_tickets_shows_dashes(database: Database) -> None:
    await seed_the_week(database)
    quiet = Week(W47.monday.replace(month=8), PACIFIC)  # August: nothing happened
    card = await Scorecards(database, BESTPACK).scorecard(quiet, POSTED)
    rate = card.headline
    assert (rate.value, rate.previous, rate.met, shown(rate.value, rate.unit)) == (
        None,
        None,
        None,
        "—",
    )
    assert (shown_verdict(rate), shown_change(rate)) == ("—", "—")
    for key in (Metric.ACK_WITHIN_SLA_PCT, Metric.FIRST_RESPONSE_MEDIAN, Metric.RESOLUTION_P90):
        assert value(card, key) is None
    assert (value(card, "opened"), value(card, Metric.SLA_BREACHES)) == (0, 0)
    assert shown_verdict(card.figure(Metric.KB_ARTICLES_PUBLISHED)) == "missed"  # 0, not >= 1
    assert all(r.first_response_median is None for r in card.technicians)


async def test_the_week_before_is_its_own_scorecard(database: Database) -> None:
    await seed_the_week(database)
    scorecards = Scorecards(database, BESTPACK)
    w46 = await scorecards.measure(W47.shifted(-1), POSTED)
    # F opened, acked in 10 min, answered in 60, resolved in 2220 min; nothing reopened.
    assert (w46.opened, w46.resolved, w46.reopens, w46.reopen_base) == (1, 1, 0, 1)
    assert (w46.ack_met, w46.ack_due, w46.first_responses, w46.resolutions) == (
        1,
        1,
        (60,),
        (2220,),
    )
    assert (w46.parts_requests, w46.kb_captured, w46.kb_published, w46.backlog) == (1, 1, 0, 0)
