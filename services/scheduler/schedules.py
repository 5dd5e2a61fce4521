"""When jobs run: each schedule names its latest tick at or before a given instant.

A tick is the instant a run is for (every minute at :00 seconds; 06:00 Pacific on a business
day). Runs are keyed by (job, tick), so the latest tick is all a runner needs: after downtime
it runs the latest missed tick once instead of a backlog, and a tick already run is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from services.profile.hours import BusinessHours

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# How far back a schedule looks for its latest tick; longer gaps have nothing left to catch up.
_LOOKBACK_DAYS = 400


class Schedule(Protocol):
    """A rule for ticks."""

    def latest_tick(self, now: datetime) -> datetime | None:
        """The latest tick at or before `now` (aware UTC); None if there is none."""
        ...

    def describe(self) -> str:
        """The schedule in words, for logs and job listings."""
        ...


@dataclass(frozen=True)
class Every:
    """Every `minutes` minutes on the UTC clock (1 = every minute at :00 seconds).

    With `hours`, only ticks within business hours (the opening and closing instants included)
    count, e.g. hourly on business days.
    """

    minutes: int
    hours: BusinessHours | None = None

    def __post_init__(self) -> None:
        if self.minutes < 1:
            raise ValueError(f"a schedule runs at least every minute, not every {self.minutes}")

    def latest_tick(self, now: datetime) -> datetime | None:
        """The latest tick at or before `now`."""
        step = timedelta(minutes=self.minutes)
        tick = EPOCH + ((_utc(now) - EPOCH) // step) * step
        if self.hours is None:
            return tick
        floor = tick - timedelta(days=_LOOKBACK_DAYS)
        while tick > floor:
            if _within(self.hours, tick):
                return tick
            tick -= step
        return None

    def describe(self) -> str:
        """E.g. "every 60 minutes in business hours"."""
        what = "every minute" if self.minutes == 1 else f"every {self.minutes} minutes"
        return f"{what} in business hours" if self.hours else what


@dataclass(frozen=True)
class DailyAt:
    """At a local wall time on each business day of `hours` (all days with `every_day`)."""

    at: time
    hours: BusinessHours
    every_day: bool = False

    def latest_tick(self, now: datetime) -> datetime | None:
        """The latest such local time at or before `now`."""
        zone = self.hours.zone
        day = _utc(now).astimezone(zone).date()
        for _ in range(_LOOKBACK_DAYS):
            if self.every_day or self.hours.is_business_day(day):
                tick = _local(day, self.at, self.hours)
                if tick <= now:
                    return tick
            day -= timedelta(days=1)
        return None

    def describe(self) -> str:
        """E.g. "daily at 05:00 America/Los_Angeles on business days"."""
        days = "every day" if self.every_day else "on business days"
        return f"daily at {self.at:%H:%M} {self.hours.timezone} {days}"


@dataclass(frozen=True)
class WeeklyAt:
    """Once a week: a weekday ("mon") at a local wall time in the hours' timezone."""

    weekday: str
    at: time
    hours: BusinessHours

    def __post_init__(self) -> None:
        if self.weekday not in WEEKDAYS:
            raise ValueError(f"'{self.weekday}' is not a weekday (one of {', '.join(WEEKDAYS)})")

    def latest_tick(self, now: datetime) -> datetime | None:
        """The latest such weekday and time at or before `now`."""
        day = _utc(now).astimezone(self.hours.zone).date()
        day -= timedelta(days=(day.weekday() - WEEKDAYS.index(self.weekday)) % 7)
        tick = _local(day, self.at, self.hours)
        return tick if tick <= now else _local(day - timedelta(days=7), self.at, self.hours)

    def describe(self) -> str:
        """E.g. "weekly on mon at 06:00 America/Los_Angeles"."""
        return f"weekly on {self.weekday} at {self.at:%H:%M} {self.hours.timezone}"


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"schedules need an aware datetime, got naive {moment.isoformat()}")
    return moment.astimezone(UTC)


def _local(day: date, at: time, hours: BusinessHours) -> datetime:
    """The UTC instant of a local wall time; a time skipped by DST resolves as zoneinfo does."""
    return datetime.combine(day, at, tzinfo=hours.zone).astimezone(UTC)


def _within(hours: BusinessHours, tick: datetime) -> bool:
    local = tick.astimezone(hours.zone)
    return hours.is_business_day(local.date()) and hours.open <= local.time() <= hours.close
