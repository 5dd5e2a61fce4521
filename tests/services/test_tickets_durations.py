"""Time spent typed in front of a chat note or a `time` entry: read when it leads with a unit."""

from __future__ import annotations

import pytest

from services.tickets.durations import leading_minutes


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("20 min on the phone", (20, "on the phone")),
        ("20min", (20, "")),
        ("90 minutes: rewired the sensor", (90, "rewired the sensor")),
        ("1 h", (60, "")),
        ("1h30 remote session", (90, "remote session")),
        ("1 h 30 min call with Dana", (90, "call with Dana")),
        ("2 hours, on site", (120, "on site")),
        # No unit, or a word that only starts like one: the whole text is the note.
        ("2 pumps replaced", (None, "2 pumps replaced")),
        ("3 months ago the belt was changed", (None, "3 months ago the belt was changed")),
        ("minutes later it stopped", (None, "minutes later it stopped")),
        ("1.5 h on the phone", (90, "on the phone")),
        ("0.25h", (15, "")),
        ("1,5 hours: remote", (90, "remote")),
        ("45m call with customer", (45, "call with customer")),
        # A decimal takes no minutes after it, and a decimal without a unit is a note.
        ("1.5h30 on site", (None, "1.5h30 on site")),
        ("1.5 pumps", (None, "1.5 pumps")),
    ],
)
def test_a_leading_duration_is_read_and_the_rest_kept(typed, read):
    assert leading_minutes(typed) == read


def test_the_minutes_are_not_bounded_here_the_note_command_refuses_them():
    assert leading_minutes("2000 min x") == (2000, "x")
