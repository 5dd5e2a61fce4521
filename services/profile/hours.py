"""When the team works: timezone, weekdays, opening hours and holidays."""

from __future__ import annotations

from datetime import date, time
from functools import cached_property
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from services.profile.base import Frozen, Text

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Holiday(Frozen):
    """A day the team is off; SLA clocks do not run on it."""

    date: date
    name: Text


class BusinessHours(Frozen):
    """The business clock every SLA is measured against."""

    timezone: Text
    days: tuple[Weekday, ...] = Field(min_length=1)
    open: time
    close: time
    holidays: tuple[Holiday, ...] = ()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not a valid IANA timezone") from None
        return value

    @model_validator(mode="after")
    def _open_before_close(self) -> BusinessHours:
        if self.open.tzinfo or self.close.tzinfo:
            raise ValueError("open/close are local times: drop the UTC offset, set `timezone`")
        # Overnight shifts would make "business minutes" ambiguous across days; not supported.
        if self.open >= self.close:
            raise ValueError(f"open {self.open:%H:%M} must be before close {self.close:%H:%M}")
        return self

    @cached_property
    def zone(self) -> ZoneInfo:
        """The timezone as a ZoneInfo."""
        return ZoneInfo(self.timezone)

    @cached_property
    def _holiday_dates(self) -> frozenset[date]:
        return frozenset(h.date for h in self.holidays)

    @property
    def minutes_per_day(self) -> int:
        """Business minutes in one full business day."""
        return (self.close.hour * 60 + self.close.minute) - (self.open.hour * 60 + self.open.minute)

    def is_holiday(self, day: date) -> bool:
        """True if `day` is a listed holiday."""
        return day in self._holiday_dates

    def is_business_day(self, day: date) -> bool:
        """True if `day` is a working weekday and not a holiday."""
        return WEEKDAYS[day.weekday()] in self.days and not self.is_holiday(day)
