"""Which week a person means: ISO weeks, dates inside a week, and the last complete week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from services.scorecard import ACCEPTED_FORMS, Week, WeekError, last_complete_week, parse_week
from tests.harness.scorecard_book import PACIFIC, pt

NOW = pt(25, 10)  # Wednesday 25 Nov 2026, 10:00 Pacific: week 48 is running


@pytest.mark.parametrize("text", ["2026-W47", "2026w47", " 2026-w47 ", "2026-11-16", "2026-11-22"])
def test_an_iso_week_or_a_date_inside_it(text: str) -> None:
    week = parse_week(text, PACIFIC, NOW)
    assert (week.monday, week.label) == (date(2026, 11, 16), "2026-W47")
    assert week.dates == "Mon 16 Nov – Sun 22 Nov 2026"


def test_no_week_means_the_last_complete_one() -> None:
    assert parse_week("", PACIFIC, NOW).label == "2026-W47"
    # Sunday 23:59 Pacific is still week 47 (Monday 07:59 UTC), so the last complete one is 46.
    sunday_night = pt(22, 23, 59)
    assert sunday_night.astimezone(UTC).weekday() == 0
    assert last_complete_week(sunday_night, PACIFIC).label == "2026-W46"
    assert last_complete_week(pt(23, 0), PACIFIC).label == "2026-W47"


def test_a_week_runs_from_monday_midnight_to_monday_midnight_pacific() -> None:
    week = Week(date(2026, 11, 16), PACIFIC)
    assert (week.start, week.end) == (pt(16, 0), pt(23, 0))
    assert week.start == datetime(2026, 11, 16, 8, 0, tzinfo=UTC)  # PST is UTC-8
    # DST ends Sunday 1 Nov 2026: that week is an hour longer than seven days.
    autumn = Week(date(2026, 10, 26), PACIFIC)
    assert autumn.end - autumn.start == timedelta(days=7, hours=1)
    assert autumn.shifted(1) == Week(date(2026, 11, 2), PACIFIC)
    assert autumn.shifted(-1).label == "2026-W43"


def test_this_week_and_last_week_in_words() -> None:
    assert parse_week("this week", PACIFIC, NOW).label == "2026-W48"
    assert parse_week(" This  Week ", PACIFIC, NOW).label == "2026-W48"
    assert parse_week("last week", PACIFIC, NOW).label == "2026-W47"


def test_the_current_week_is_allowed_but_not_a_later_one() -> None:
    assert parse_week("2026-W48", PACIFIC, NOW).ended_by(NOW) is False
    with pytest.raises(WeekError, match=r"^2026-W49 has not started yet"):
        parse_week("2026-12-01", PACIFIC, NOW)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("nonsense", "I don't know which week 'nonsense' is."),
        ("next week", "I don't know which week 'next week' is."),
        ("2026-W54", "There is no week '2026-W54'."),
        ("2026-02-30", "There is no week '2026-02-30'."),
    ],
)
def test_anything_else_is_refused_naming_the_forms_that_work(text: str, said: str) -> None:
    with pytest.raises(WeekError) as refused:
        parse_week(text, PACIFIC, NOW)
    assert str(refused.value) == f"{said} Give {ACCEPTED_FORMS}."
    assert "2026-W47" in ACCEPTED_FORMS and "2026-11-18" in ACCEPTED_FORMS
