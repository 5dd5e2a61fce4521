"""Laws of the business-hours clock, checked with hypothesis against a day-by-day reference."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.profile import BusinessHours, load_profile
from services.sla import BusinessClock

# Deterministic in CI (no example database, derandomized) and quick: a few seconds in all.
LAWS = settings(max_examples=150, derandomize=True, database=None, deadline=None)

BESTPACK = BusinessClock(load_profile("bestpack").business_hours)
# DST changes (01:00/02:00 local) fall inside these hours, unlike BestPack's.
LONDON_NIGHTS = BusinessClock(
    BusinessHours(
        timezone="Europe/London",
        days=("mon", "wed", "sun"),
        open=time(0, 30),
        close=time(3),
        holidays=[{"date": date(2026, 10, 25), "name": "Off"}],
    )
)
ZONES = [UTC, ZoneInfo("America/Los_Angeles"), ZoneInfo("Europe/London"), ZoneInfo("Asia/Kolkata")]
# Local times where off-by-one mistakes live: just before, at and just after the boundaries.
EDGES = [time(0), time(0, 30), time(2, 30), time(3), time(4, 59, 59, 999_999), time(5)]
EDGES += [time(5, 0, 0, 1), time(16, 59, 59, 999_999), time(17), time(17, 0, 0, 1)]

clocks = st.sampled_from([BESTPACK, LONDON_NIGHTS])
minutes = st.integers(min_value=0, max_value=50_000)
anywhere = st.datetimes(
    min_value=datetime(2026, 1, 1),
    max_value=datetime(2027, 12, 31, 23, 59),
    timezones=st.sampled_from(ZONES),
    allow_imaginary=False,
)
# Pacific and London DST change days, which a uniform draw of dates would rarely hit.
DST_DAYS = [date(2026, 3, 8), date(2026, 3, 29), date(2026, 10, 25), date(2026, 11, 1)]
DST_DAYS += [date(2027, 3, 14), date(2027, 3, 28), date(2027, 10, 31), date(2027, 11, 7)]

on_an_edge = st.builds(
    lambda day, at, zone: datetime.combine(day, at, tzinfo=zone),
    st.one_of(
        st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
        st.sampled_from(DST_DAYS),
    ),
    st.sampled_from(EDGES),
    st.sampled_from(ZONES[1:3]),
)
instants = st.one_of(anywhere, on_an_edge)


def business_days(hours: BusinessHours, start: datetime):
    """(open, close) as UTC instants of each business day from `start`'s local date on."""
    day = start.astimezone(hours.zone).date() - timedelta(days=1)
    while True:
        if hours.is_business_day(day):
            opens = datetime.combine(day, hours.open, tzinfo=hours.zone).astimezone(UTC)
            yield opens, datetime.combine(day, hours.close, tzinfo=hours.zone).astimezone(UTC)
        day += timedelta(days=1)


def reference_add(hours: BusinessHours, start: datetime, minutes: int) -> datetime:
    """Slow but plain: walk the business days one at a time."""
    left = timedelta(minutes=minutes)
    for opens, closes in business_days(hours, start):
        begin = max(opens, start)
        if begin <= closes:
            if begin + left <= closes:
                return begin + left
            left -= closes - begin
    raise AssertionError("unreachable")


def reference_between(hours: BusinessHours, start: datetime, end: datetime) -> float:
    """Slow but plain: sum each business day's overlap with [start, end]."""
    total = timedelta()
    for opens, closes in business_days(hours, start):
        if opens >= end:
            return total / timedelta(minutes=1)
        total += max(timedelta(), min(closes, end) - max(opens, start))
    raise AssertionError("unreachable")


@LAWS
@given(clocks, instants, minutes)
def test_add_matches_the_reference_walk(clock: BusinessClock, start: datetime, m: int):
    # Compared in UTC: Python never finds a local time in a DST fold (01:30 London on the
    # night clocks go back) equal to an instant in another zone, even the same instant.
    expected = reference_add(clock.hours, start, m).astimezone(UTC)
    assert clock.add(start, m).astimezone(UTC) == expected


@LAWS
@given(clocks, instants, instants)
def test_between_matches_the_reference_walk(clock: BusinessClock, a: datetime, b: datetime):
    expected = reference_between(clock.hours, a, b) if a < b else 0.0
    assert clock.between(a, b) == expected


@LAWS
@given(clocks, instants, minutes, minutes)
def test_add_is_monotonic(clock: BusinessClock, start: datetime, a: int, b: int):
    low, high = sorted((a, b))
    assert clock.add(start, low) <= clock.add(start, high)


@LAWS
@given(clocks, instants, instants, minutes)
def test_add_is_monotonic_in_the_start(clock: BusinessClock, a: datetime, b: datetime, m: int):
    # A ticket raised later is never due earlier (the SLA sweep's warnings rely on it).
    early, late = sorted((a, b))
    assert clock.add(early, m) <= clock.add(late, m)


@LAWS
@given(clocks, instants, minutes, minutes)
def test_add_is_additive(clock: BusinessClock, start: datetime, a: int, b: int):
    assert clock.add(clock.add(start, a), b) == clock.add(start, a + b)


@LAWS
@given(clocks, instants, minutes)
def test_due_times_are_within_business_hours(clock: BusinessClock, start: datetime, m: int):
    due = clock.add(start, m)
    hours, local = clock.hours, due.astimezone(clock.hours.zone)
    assert due.tzinfo is UTC
    assert due >= start
    assert clock.is_open(due)
    # Checked on the local wall clock too, independently of is_open; the close itself counts.
    assert hours.is_business_day(local.date())
    assert hours.open <= local.time() <= hours.close


@LAWS
@given(clocks, instants, minutes)
def test_between_undoes_add(clock: BusinessClock, start: datetime, m: int):
    assert clock.between(start, clock.add(start, m)) == m


@LAWS
@given(clocks, instants, instants, instants)
def test_between_is_non_negative_and_additive(
    clock: BusinessClock, a: datetime, b: datetime, c: datetime
):
    first, middle, last = sorted((a, b, c))
    whole = clock.between(first, last)
    assert whole >= 0
    assert clock.between(last, first) == 0
    # Each part is an exact microsecond count over 60e6; only their float sum can round.
    assert whole == pytest.approx(
        clock.between(first, middle) + clock.between(middle, last), abs=1e-9
    )


@LAWS
@given(clocks, instants)
def test_next_open_is_where_zero_minutes_lands(clock: BusinessClock, at: datetime):
    opening = clock.next_open(at)
    assert opening == clock.add(at, 0)
    assert opening >= at
    assert clock.is_open(opening)
    assert (opening == at) == clock.is_open(at)
    assert clock.between(at, opening) == 0
