"""The business time of one local calendar year, laid out as UTC instants for fast lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from services.profile.hours import BusinessHours

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
MICROS_PER_MINUTE = 60_000_000
_ONE_DAY = timedelta(days=1)


def to_micros(moment: datetime) -> int:
    """Microseconds since the Unix epoch of an aware datetime (exact: no float rounding)."""
    return (moment - EPOCH) // MICROSECOND


def from_micros(micros: int) -> datetime:
    """The aware UTC datetime `micros` microseconds after the Unix epoch."""
    return EPOCH + timedelta(microseconds=micros)


@dataclass(frozen=True, slots=True)
class YearTable:
    """One local year's business days: opening and closing instants and running business time.

    All three lists are in microseconds and sorted; `ends[i]` is the year's business time
    elapsed at the close of day `i`, so the business time before day `i` opens is
    `ends[i] - (closes[i] - opens[i])`.
    """

    year: int
    opens: list[int]
    closes: list[int]
    ends: list[int]

    @property
    def total(self) -> int:
        """Business microseconds in the whole year."""
        return self.ends[-1] if self.ends else 0

    def elapsed_at(self, micros: int, day: int) -> int:
        """Business time of the year elapsed at `micros`, which lies on or after day `day` opens."""
        return self.ends[day] - max(0, self.closes[day] - micros)


def build_year(hours: BusinessHours, year: int) -> YearTable:
    """Lay out every business day of local calendar `year` for `hours`."""
    zone = hours.zone
    opens: list[int] = []
    closes: list[int] = []
    ends: list[int] = []
    elapsed = 0
    day = date(year, 1, 1)
    while day.year == year:
        if hours.is_business_day(day):
            # Open and close are local wall times: zoneinfo gives each day its own UTC offset, so
            # a DST change between two days (02:00 in the US) never shifts a day's 05:00-17:00.
            start = to_micros(datetime.combine(day, hours.open, tzinfo=zone))
            stop = to_micros(datetime.combine(day, hours.close, tzinfo=zone))
            # A day's business time is the real time between its open and close; only a DST jump
            # inside a very short day could invert them, and such a day has no business time.
            if stop > start:
                elapsed += stop - start
                opens.append(start)
                closes.append(stop)
                ends.append(elapsed)
        day += _ONE_DAY
    return YearTable(year, opens, closes, ends)
