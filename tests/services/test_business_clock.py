"""Worked examples for the business-hours clock on the shipped BestPack profile (Pacific time)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.profile import BusinessHours, Holiday, load_profile
from services.sla import BusinessClock

PT = ZoneInfo("America/Los_Angeles")


def pt(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0, us: int = 0) -> datetime:
    """A Pacific wall-clock instant."""
    return datetime(y, mo, d, h, mi, s, us, tzinfo=PT)


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A UTC instant."""
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def variant(hours: BusinessHours, *, validate: bool = True, **changes: object) -> BusinessHours:
    """`hours` with some fields changed; built afresh because model_copy keeps cached lookups."""
    fields = {name: getattr(hours, name) for name in BusinessHours.model_fields} | changes
    return BusinessHours(**fields) if validate else BusinessHours.model_construct(**fields)


@pytest.fixture(scope="module")
def hours() -> BusinessHours:
    return load_profile("bestpack").business_hours


@pytest.fixture(scope="module")
def clock(hours: BusinessHours) -> BusinessClock:
    return BusinessClock(hours)


@pytest.mark.parametrize(
    ("start", "minutes", "due"),
    [
        pytest.param(pt(2026, 1, 16, 16, 30), 60, pt(2026, 1, 19, 5, 30), id="fri-16:30+60"),
        pytest.param(pt(2026, 1, 17, 12), 60, pt(2026, 1, 19, 6), id="saturday-noon+60"),
        pytest.param(pt(2026, 1, 20, 4), 60, pt(2026, 1, 20, 6), id="before-open+60"),
        pytest.param(pt(2026, 1, 21, 16, 59), 2, pt(2026, 1, 22, 5, 1), id="16:59+2"),
        pytest.param(pt(2026, 1, 20, 16), 60, pt(2026, 1, 20, 17), id="due-at-close"),
        pytest.param(pt(2026, 1, 19, 5), 720, pt(2026, 1, 19, 17), id="one-full-day"),
        pytest.param(pt(2026, 1, 19, 5), 721, pt(2026, 1, 20, 5, 1), id="day-and-a-minute"),
        pytest.param(pt(2026, 1, 19, 5), 3600, pt(2026, 1, 23, 17), id="full-week"),
        pytest.param(pt(2026, 1, 21, 16, 59), 1.5, pt(2026, 1, 22, 5, 0, 30), id="float-minutes"),
        pytest.param(pt(2026, 11, 25, 16, 30), 60, pt(2026, 11, 30, 5, 30), id="thanksgiving"),
        pytest.param(pt(2026, 9, 4, 16, 30), 60, pt(2026, 9, 8, 5, 30), id="fri-before-labor-day"),
        pytest.param(pt(2026, 5, 22, 16), 120, pt(2026, 5, 26, 6), id="fri-before-memorial"),
        pytest.param(pt(2026, 12, 23, 16), 120, pt(2026, 12, 28, 6), id="christmas"),
        pytest.param(pt(2026, 12, 31, 16, 30), 60, pt(2027, 1, 4, 5, 30), id="into-2027"),
        pytest.param(pt(2026, 12, 30, 16), 780, pt(2026, 12, 31, 17), id="due-at-year-end"),
        pytest.param(pt(2026, 11, 26, 10), 60, pt(2026, 11, 30, 6), id="received-on-holiday"),
    ],
)
def test_add_worked_examples(clock: BusinessClock, start: datetime, minutes: float, due: datetime):
    result = clock.add(start, minutes)
    assert result == due
    assert result.tzinfo is UTC


@pytest.mark.parametrize(
    ("friday", "monday_utc", "offset_hours"),
    [
        pytest.param(
            pt(2026, 3, 6, 16, 30), datetime(2026, 3, 9, 12, 30, tzinfo=UTC), -7, id="mar"
        ),
        pytest.param(
            pt(2026, 10, 30, 16, 30), datetime(2026, 11, 2, 13, 30, tzinfo=UTC), -8, id="nov"
        ),
    ],
)
def test_dst_weekend_lands_at_local_0530(
    clock: BusinessClock, friday: datetime, monday_utc: datetime, offset_hours: int
):
    due = clock.add(friday, 60)
    assert due == monday_utc
    local = due.astimezone(PT)
    assert (local.hour, local.minute, local.weekday()) == (5, 30, 0)
    assert local.utcoffset() == timedelta(hours=offset_hours)
    assert friday.utcoffset() != local.utcoffset()


@pytest.mark.parametrize("change_day", [date(2026, 3, 8), date(2026, 11, 1)])
def test_dst_change_days_still_have_twelve_business_hours(hours: BusinessHours, change_day: date):
    sundays = BusinessClock(variant(hours, days=("sun",)))
    midnight = datetime.combine(change_day, time(), tzinfo=PT)
    assert midnight.utcoffset() != (midnight + timedelta(days=1)).astimezone(PT).utcoffset()
    assert sundays.between(midnight, datetime.combine(change_day, time(23), tzinfo=PT)) == 720
    assert sundays.add(midnight, 720) == datetime.combine(change_day, time(17), tzinfo=PT)


def test_dst_inside_business_hours_counts_real_time():
    # London changes clocks at 01:00/02:00 local, inside these (odd) Sunday hours.
    london = ZoneInfo("Europe/London")
    night = BusinessClock(
        BusinessHours(timezone="Europe/London", days=("sun",), open=time(0, 30), close=time(3))
    )
    spring, autumn = datetime(2026, 3, 29, tzinfo=london), datetime(2026, 10, 25, tzinfo=london)
    assert night.between(spring, spring + timedelta(hours=12)) == 90
    assert night.between(autumn, autumn + timedelta(hours=12)) == 210


def test_between_counts_only_business_minutes(clock: BusinessClock):
    assert clock.between(pt(2026, 1, 16, 16), pt(2026, 1, 19, 6)) == 120
    assert clock.between(pt(2026, 1, 17, 0), pt(2026, 1, 18, 23, 59)) == 0
    assert clock.between(pt(2026, 11, 25, 16, 30), pt(2026, 11, 30, 5, 30)) == 60
    assert clock.between(pt(2026, 1, 19, 0), pt(2026, 1, 24, 0)) == 3600
    assert clock.between(pt(2026, 1, 19, 12, 0, 30), pt(2026, 1, 19, 12, 2)) == 1.5
    assert clock.between(pt(2026, 12, 31, 16), pt(2027, 1, 4, 6)) == 120


def test_between_is_zero_when_end_is_not_after_start(clock: BusinessClock):
    noon = pt(2026, 1, 20, 12)
    assert clock.between(noon, noon) == 0
    assert clock.between(noon, noon - timedelta(hours=3)) == 0


def test_between_accepts_any_timezone(clock: BusinessClock):
    start = pt(2026, 1, 20, 12).astimezone(ZoneInfo("Asia/Tokyo"))
    assert clock.between(start, pt(2026, 1, 20, 13).astimezone(UTC)) == 60


def test_close_instant_is_the_last_open_instant(clock: BusinessClock):
    assert not clock.is_open(pt(2026, 1, 20, 4, 59, 59, 999_999))
    assert clock.is_open(pt(2026, 1, 20, 5))
    assert clock.is_open(pt(2026, 1, 20, 17))
    assert not clock.is_open(pt(2026, 1, 20, 17, 0, 0, 1))
    assert not clock.is_open(pt(2026, 1, 17, 12))  # Saturday
    assert not clock.is_open(pt(2026, 11, 26, 12))  # Thanksgiving


def test_next_open(clock: BusinessClock):
    noon = pt(2026, 1, 20, 12)
    assert clock.next_open(noon) == noon
    assert clock.next_open(noon).tzinfo is UTC
    assert clock.next_open(pt(2026, 1, 20, 17, 0, 0, 1)) == pt(2026, 1, 21, 5)
    assert clock.next_open(pt(2026, 1, 16, 18)) == pt(2026, 1, 19, 5)
    assert clock.next_open(pt(2026, 12, 31, 18)) == pt(2027, 1, 4, 5)


def test_adding_zero(clock: BusinessClock):
    assert clock.add(pt(2026, 1, 17, 12), 0) == pt(2026, 1, 19, 5)  # Saturday: next opening
    assert clock.add(pt(2026, 1, 20, 12), 0) == pt(2026, 1, 20, 12)
    assert clock.add(pt(2026, 1, 20, 17), 0) == pt(2026, 1, 20, 17)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.add(datetime(2026, 1, 20, 12), 60),
        lambda c: c.between(datetime(2026, 1, 20, 12), pt(2026, 1, 21)),
        lambda c: c.between(pt(2026, 1, 20), datetime(2026, 1, 21)),
        lambda c: c.is_open(datetime(2026, 1, 20, 12)),
        lambda c: c.next_open(datetime(2026, 1, 20, 12)),
    ],
    ids=["add", "between-start", "between-end", "is_open", "next_open"],
)
def test_naive_datetimes_are_rejected(clock: BusinessClock, call):
    with pytest.raises(ValueError, match="timezone-aware"):
        call(clock)


@pytest.mark.parametrize("minutes", [-1, -0.5, float("nan"), float("inf")])
def test_bad_minutes_are_rejected(clock: BusinessClock, minutes: float):
    with pytest.raises(ValueError, match="minutes"):
        clock.add(pt(2026, 1, 20, 12), minutes)


def test_profile_without_open_days_is_refused(hours: BusinessHours):
    # Validation forbids these, but model_construct and model_copy skip it.
    with pytest.raises(ValueError, match="no open weekdays"):
        BusinessClock(variant(hours, validate=False, days=()))
    with pytest.raises(ValueError, match="not before close"):
        BusinessClock(variant(hours, validate=False, close=hours.open))
    never = BusinessClock(variant(hours, validate=False, days=("someday",)))
    with pytest.raises(ValueError, match="no open time"):
        never.add(pt(2026, 1, 20, 12), 60)


def test_a_year_of_holidays_is_skipped(hours: BusinessHours):
    mondays = [date(2026, 1, 5) + timedelta(weeks=n) for n in range(52)]
    off = tuple(Holiday(date=d, name="Off") for d in mondays)
    clock = BusinessClock(variant(hours, days=("mon",), holidays=off))
    assert clock.add(pt(2025, 12, 30, 12), 60) == pt(2027, 1, 4, 6)
    assert clock.between(pt(2025, 12, 30), pt(2027, 1, 5)) == 720


def test_decades_of_business_minutes_round_trip(clock: BusinessClock):
    start = pt(2026, 1, 16, 16, 30)
    decades = clock.add(start, 10_000_000)  # about 53 years of business days
    assert decades.year in (2078, 2079, 2080)
    assert clock.between(start, decades) == 10_000_000
