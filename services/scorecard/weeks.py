"""Scorecard weeks: Monday 00:00 to the next Monday 00:00 in the business timezone (ISO weeks)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ACCEPTED_FORMS = (
    "this week, last week, an ISO week like 2026-W47, or a date inside the week like 2026-11-18"
)
_ISO_WEEK = re.compile(r"^(\d{4})-?w(\d{1,2})$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class WeekError(ValueError):
    """A week the scorecard cannot show; the message says why and what to type instead."""


@dataclass(frozen=True, order=True)
class Week:
    """One scorecard week: Monday to Sunday, local to the team's timezone."""

    monday: date
    zone: ZoneInfo = field(compare=False)

    @property
    def label(self) -> str:
        """The ISO week, e.g. "2026-W47"."""
        year, number, _ = self.monday.isocalendar()
        return f"{year}-W{number:02d}"

    @property
    def start(self) -> datetime:
        """Monday 00:00 local, as an aware UTC datetime (included)."""
        return _midnight(self.monday, self.zone)

    @property
    def end(self) -> datetime:
        """The next Monday 00:00 local, in UTC (excluded)."""
        return _midnight(self.monday + timedelta(days=7), self.zone)

    @property
    def dates(self) -> str:
        """The week's days as people read them, e.g. "Mon 16 Nov – Sun 22 Nov 2026"."""
        sunday = self.monday + timedelta(days=6)
        return f"{self.monday:%a %d %b} – {sunday:%a %d %b %Y}"

    def shifted(self, weeks: int) -> Week:
        """The week `weeks` later (negative: earlier)."""
        return Week(self.monday + timedelta(weeks=weeks), self.zone)

    def ended_by(self, now: datetime) -> bool:
        """True once the whole week lies before `now`."""
        return self.end <= now


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    # DST changes at 02:00 in US zones, so local midnight is never skipped or repeated.
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def week_containing(at: datetime | date, zone: ZoneInfo) -> Week:
    """The week an instant (read in `zone`) or a calendar date falls in."""
    day = at.astimezone(zone).date() if isinstance(at, datetime) else at
    return Week(day - timedelta(days=day.weekday()), zone)


def last_complete_week(now: datetime, zone: ZoneInfo) -> Week:
    """The latest week that has ended by `now`: the week before the current one."""
    return week_containing(now, zone).shifted(-1)


def parse_week(text: str, zone: ZoneInfo, now: datetime) -> Week:
    """The week `text` names ("" = last complete week); WeekError for anything else or the future.

    The current week is allowed (its figures are "so far"); weeks that have not begun are not.
    """
    words = " ".join((text or "").split())
    if not words or words.lower() == "last week":
        return last_complete_week(now, zone)
    if words.lower() == "this week":
        return week_containing(now, zone)
    week = _named_week(words, zone)
    if week.start > now:
        raise WeekError(f"{week.label} has not started yet; pick a week up to this one.")
    return week


def _named_week(words: str, zone: ZoneInfo) -> Week:
    iso = _ISO_WEEK.match(words)
    try:
        if iso:
            return Week(date.fromisocalendar(int(iso[1]), int(iso[2]), 1), zone)
        if _DATE.match(words):
            return week_containing(date.fromisoformat(words), zone)
    except ValueError:
        raise WeekError(f"There is no week {words!r}. Give {ACCEPTED_FORMS}.") from None
    raise WeekError(f"I don't know which week {words!r} is. Give {ACCEPTED_FORMS}.")
