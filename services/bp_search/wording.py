"""BP Search's sentences about time and missing sources: "from 4 minutes ago"."""

from __future__ import annotations

from datetime import date, datetime

from services.bp_search.model import Gap

_UNITS = ((86_400, "day"), (3_600, "hour"), (60, "minute"))


def ago(then: datetime, now: datetime) -> str:
    """How long before `now` `then` was: "just now", "4 minutes ago", "1 day ago"."""
    seconds = max(0, int((now - then).total_seconds()))
    for size, unit in _UNITS:
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'} ago"
    return "just now"


def gap_note(gap: Gap, now: datetime) -> str:
    """What a card says of a source that did not answer, and what it shows instead."""
    if gap.shown_from is None:
        return f"{gap.source} is unavailable; nothing from it is shown."
    where = "the bot's tickets" if gap.local else "the cache"
    return f"{gap.source} is unavailable; shown from {where}, from {ago(gap.shown_from, now)}."


def day(value: date | datetime) -> str:
    """A date as cards show it: "1 Mar 2027"."""
    return f"{value.day} {value:%b %Y}"
