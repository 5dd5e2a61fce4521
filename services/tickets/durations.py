"""Time spent as people type it before a note: "20 min", "1 h", "1h30", "1.5 h", "90 minutes"."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_HOURS = r"(?:h|hrs?|hours?)"
_MINUTES = r"(?:m|mins?|minutes?)"
# A unit is required: "2 pumps replaced" is a note, not two minutes. "1h30" reads as 1 h 30 min;
# "1.5 h" (or "1,5 h") as 90 min, and a decimal takes no minutes after it ("1.5h30" is a note).
_LEADING = re.compile(
    rf"""^\s*(?:
        (?P<decimal>\d{{1,4}}[.,]\d{{1,2}})\s*{_HOURS}\.?
        | (?P<hours>\d{{1,9}})\s*{_HOURS}\.?
            (?:(?P<glued>\d{{1,2}})(?![a-z])|\s*(?P<then>\d{{1,2}})\s*{_MINUTES}\.?)?
        | (?P<minutes>\d{{1,9}})\s*{_MINUTES}\.?
    )(?![a-z0-9])[\s:;,-]*""",
    re.IGNORECASE | re.VERBOSE,
)


def leading_minutes(text: str) -> tuple[int | None, str]:
    """The minutes a text starts with, and the rest of it; (None, text) when it starts with none.

    The minutes are not bounded here: the command that logs them refuses what it does not take
    (a decimal under half a minute reads as 0, which those commands refuse in words).
    """
    found = _LEADING.match(text)
    if found is None:
        return None, text
    if found["decimal"] is not None:
        hours = Decimal(found["decimal"].replace(",", "."))
        minutes = int((hours * 60).to_integral_value(rounding=ROUND_HALF_UP))
    elif found["minutes"] is not None:
        minutes = int(found["minutes"])
    else:
        minutes = int(found["hours"]) * 60 + int(found["glued"] or found["then"] or 0)
    return minutes, text[found.end() :].strip()
