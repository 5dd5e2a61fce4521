"""Time spent, as people type it in front of a note: "20 min", "1 h", "1h30", "90 minutes"."""

from __future__ import annotations

import re

_HOURS = r"(?:h|hrs?|hours?)"
_MINUTES = r"(?:m|mins?|minutes?)"
# A unit is required: "2 pumps replaced" is a note, not two minutes. "1h30" reads as 1 h 30 min.
_LEADING = re.compile(
    rf"""^\s*(?:
        (?P<hours>\d{{1,9}})\s*{_HOURS}\.?
            (?:(?P<glued>\d{{1,2}})(?![a-z])|\s*(?P<then>\d{{1,2}})\s*{_MINUTES}\.?)?
        | (?P<minutes>\d{{1,9}})\s*{_MINUTES}\.?
    )(?![a-z0-9])[\s:;,-]*""",
    re.IGNORECASE | re.VERBOSE,
)


def leading_minutes(text: str) -> tuple[int | None, str]:
    """The minutes a text starts with, and the rest of it; (None, text) when it starts with none.

    The minutes are not bounded here: the note's workflow command refuses what it does not take.
    """
    found = _LEADING.match(text)
    if found is None:
        return None, text
    if found["minutes"] is not None:
        minutes = int(found["minutes"])
    else:
        minutes = int(found["hours"]) * 60 + int(found["glued"] or found["then"] or 0)
    return minutes, text[found.end() :].strip()
