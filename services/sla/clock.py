"""BusinessClock: SLA arithmetic in business minutes over a profile's business hours.

Decisions (the tests pin each one down):

* Aware datetimes in, aware UTC datetimes out; naive datetimes raise ValueError.
* A business day is the closed interval [open, close] in local wall time: the closing instant
  (17:00:00 exactly) is the day's last business instant and 17:00:00.000001 is closed. So a due
  time may equal the close (16:00 + 60 = 17:00, not Monday 05:00), `add` never returns a closed
  instant, and add(add(t, a), b) == add(t, a + b) holds for every a, b >= 0, zero included.
* From a closed instant counting starts at the next opening, so add(t, 0) == next_open(t):
  a ticket received Saturday with a 0-minute target is due Monday 05:00 (Zendesk-style).
* `between` returns float minutes, exact to the microsecond: tickets arrive at arbitrary seconds,
  and whole minutes would break additivity (1.5 + 1.5 != 3 after truncation). It is exactly
  m when m is an int and the end is add(start, m).
* A day's business time is the real time between its local open and close, each resolved by
  zoneinfo. Where DST changes outside business hours (02:00 in the US) this is the wall-clock
  length, e.g. 720 minutes for 05:00-17:00 on Mar 8 and Nov 1 2026.
* Speed: each local year's business days are built once into sorted tables, after which `add` and
  `between` are a few bisects and integer sums, however many minutes are involved.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from datetime import datetime

from services.profile.hours import BusinessHours
from services.sla.timeline import (
    MICROS_PER_MINUTE,
    YearTable,
    build_year,
    from_micros,
    to_micros,
)


class BusinessClock:
    """Adds and measures business minutes on a profile's business hours."""

    __slots__ = ("_holiday_years", "_hours", "_years")

    def __init__(self, hours: BusinessHours) -> None:
        # The model validates both, but model_copy/model_construct skip validation; without
        # this a clock with nowhere to count would search forever.
        if not hours.days:
            raise ValueError("business hours have no open weekdays: an SLA clock would never run")
        if hours.minutes_per_day <= 0:
            raise ValueError(f"business hours open {hours.open} is not before close {hours.close}")
        self._hours = hours
        self._years: dict[int, YearTable] = {}
        self._holiday_years = frozenset(holiday.date.year for holiday in hours.holidays)

    @property
    def hours(self) -> BusinessHours:
        """The business hours this clock runs on."""
        return self._hours

    def is_open(self, at: datetime) -> bool:
        """True if `at` lies within business hours (the closing instant included)."""
        micros = to_micros(_aware(at, "at"))
        table = self._year(self._local_year(at))
        day = bisect_right(table.opens, micros) - 1
        return day >= 0 and micros <= table.closes[day]

    def next_open(self, at: datetime) -> datetime:
        """`at` itself (in UTC) if open, else the next opening."""
        _, _, micros = self._counting_from(_aware(at, "at"))
        return from_micros(micros)

    def add(self, start: datetime, minutes: int | float) -> datetime:
        """The instant `minutes` business minutes after `start`, counted from the next opening."""
        table, day, micros = self._counting_from(_aware(start, "start"))
        left = _to_micros_span(minutes)
        if left <= table.closes[day] - micros:
            return from_micros(micros + left)
        target = table.elapsed_at(micros, day) + left
        while target > table.total:
            target -= table.total
            table = self._year(table.year + 1)
        # bisect_left finds the first day whose close reaches the target: a due time that lands
        # exactly on a close stays on that day instead of moving to the next opening.
        day = bisect_left(table.ends, target)
        return from_micros(table.closes[day] - (table.ends[day] - target))

    def between(self, start: datetime, end: datetime) -> float:
        """Business minutes from `start` to `end`; 0.0 if `end` is not after `start`."""
        first, last = to_micros(_aware(start, "start")), to_micros(_aware(end, "end"))
        if last <= first:
            return 0.0
        first_year, last_year = self._local_year(start), self._local_year(end)
        elapsed = self._elapsed(last_year, last) - self._elapsed(first_year, first)
        for year in range(first_year, last_year):
            elapsed += self._year(year).total
        return elapsed / MICROS_PER_MINUTE

    def _counting_from(self, at: datetime) -> tuple[YearTable, int, int]:
        """(year table, day index, instant) where counting from `at` starts: `at` or next open."""
        micros = to_micros(at)
        table = self._year(self._local_year(at))
        day = bisect_right(table.opens, micros) - 1
        if day >= 0 and micros <= table.closes[day]:
            return table, day, micros
        day += 1
        while day == len(table.opens):
            table, day = self._year(table.year + 1), 0
        return table, day, table.opens[day]

    def _elapsed(self, year: int, micros: int) -> int:
        """Business microseconds of local `year` elapsed at `micros` (an instant in that year)."""
        table = self._year(year)
        day = bisect_right(table.opens, micros) - 1
        return table.elapsed_at(micros, day) if day >= 0 else 0

    def _local_year(self, at: datetime) -> int:
        return at.astimezone(self._hours.zone).year

    def _year(self, year: int) -> YearTable:
        table = self._years.get(year)
        if table is None:
            table = build_year(self._hours, year)
            # Only holidays can empty a year, and there are finitely many: a year with no business
            # time and no holidays means no business time will ever come (searches would not end).
            if not table.opens and year not in self._holiday_years:
                raise ValueError(f"business hours have no open time in {year}: check `days`")
            self._years[year] = table
        return table


def _aware(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            f"{name} must be a timezone-aware datetime, got naive {moment.isoformat()}; "
            "attach a timezone, e.g. datetime.now(UTC)"
        )
    return moment


def _to_micros_span(minutes: int | float) -> int:
    if not math.isfinite(minutes) or minutes < 0:
        raise ValueError(f"minutes must be a finite number >= 0, got {minutes!r}")
    return round(minutes * MICROS_PER_MINUTE)
