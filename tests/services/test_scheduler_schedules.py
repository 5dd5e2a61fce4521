"""Schedules: the latest tick at or before an instant, in Pacific business time."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from services.scheduler import DailyAt, Every, WeeklyAt
from tests.harness.domain import BESTPACK

PT = ZoneInfo("America/Los_Angeles")
HOURS = BESTPACK.business_hours


def pt(month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A Pacific wall-clock instant in 2026."""
    return datetime(2026, month, day, hour, minute, second, tzinfo=PT)


def test_every_minute_ticks_at_the_start_of_the_minute() -> None:
    assert Every(1).latest_tick(pt(11, 30, 9, 14, 59)) == pt(11, 30, 9, 14)
    assert Every(1).latest_tick(pt(11, 30, 9, 14)) == pt(11, 30, 9, 14)
    assert Every(1).latest_tick(pt(11, 30, 9, 14)).tzinfo is UTC


def test_hourly_in_business_hours_skips_nights_weekends_and_holidays() -> None:
    hourly = Every(60, HOURS)
    assert hourly.latest_tick(pt(11, 30, 9, 30)) == pt(11, 30, 9)
    assert hourly.latest_tick(pt(11, 30, 17, 59)) == pt(11, 30, 17), "the close counts"
    assert hourly.latest_tick(pt(12, 1, 4, 30)) == pt(11, 30, 17), "none overnight"
    assert hourly.latest_tick(pt(11, 30, 4)) == pt(11, 25, 17), "Thanksgiving Thu+Fri, weekend"


def test_daily_at_opening_on_business_days_only() -> None:
    daily = DailyAt(time(5), HOURS)
    assert daily.latest_tick(pt(12, 1, 5)) == pt(12, 1, 5)
    assert daily.latest_tick(pt(12, 1, 4, 59)) == pt(11, 30, 5)
    assert daily.latest_tick(pt(11, 30, 4)) == pt(11, 25, 5)
    assert DailyAt(time(5), HOURS, every_day=True).latest_tick(pt(11, 30, 4)) == pt(11, 29, 5)


def test_daily_keeps_the_local_time_across_a_dst_change() -> None:
    daily = DailyAt(time(6), HOURS)
    before, after = daily.latest_tick(pt(10, 30, 7)), daily.latest_tick(pt(11, 2, 7))
    assert (before.hour, after.hour) == (13, 14)  # 06:00 PDT, then 06:00 PST, in UTC
    assert before.astimezone(PT).hour == after.astimezone(PT).hour == 6


def test_weekly_on_the_scorecard_day() -> None:
    weekly = WeeklyAt(BESTPACK.scorecard.post_on, BESTPACK.scorecard.post_at, HOURS)
    assert weekly.latest_tick(pt(11, 30, 6)) == pt(11, 30, 6)  # Monday 06:00
    assert weekly.latest_tick(pt(11, 30, 5, 59)) == pt(11, 23, 6)
    assert weekly.latest_tick(pt(12, 5, 23)) == pt(11, 30, 6)
    assert weekly.describe() == "weekly on mon at 06:00 America/Los_Angeles"


def test_after_downtime_only_the_latest_missed_tick_is_due() -> None:
    # Down from Friday 16:30 to Monday 09:10: the hourly job has one tick to run, Monday 09:00.
    assert Every(60, HOURS).latest_tick(pt(12, 7, 9, 10)) == pt(12, 7, 9)


def test_bad_schedules_are_refused() -> None:
    with pytest.raises(ValueError, match="every minute"):
        Every(0)
    with pytest.raises(ValueError, match="not a weekday"):
        WeeklyAt("monday", time(6), HOURS)
    with pytest.raises(ValueError, match="naive"):
        Every(1).latest_tick(datetime(2026, 11, 30, 9))
