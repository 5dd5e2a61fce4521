"""The profile's optional [routines]: the team's daily, weekly and periodic follow-up.

Each routine is off until its table is there, so a profile opts in to what its team does:
    [routines.daily_check]    each person of `role` gets their queue and what needs following
                              up, at `at` on business days (and on `check`)
    [routines.weekly_review]  the open tickets by status and owner, the oldest and the still
                              ones, posted on `on` at `at` to [channels] review (else to the
                              personal chats of everyone who may view the scorecard)
    [routines.status_updates] an escalated ticket's customer hears from the team every
                              `every_business_days`: the owner is reminded with `text`, or the
                              desk sends it itself where the system of record can (`send`)
Times are local to [business_hours]. Texts may name {number}, {subject} and {company}; the
closing warning ([closure] warn_customer_after_business_days) also {days}.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import time
from typing import TYPE_CHECKING, Literal

from pydantic import PositiveInt, field_validator

from services.profile.base import Frozen, Slug, Text
from services.profile.errors import Problem
from services.profile.hours import Weekday

if TYPE_CHECKING:
    from services.profile.index import Index
    from services.profile.models import Profile

# What a text sent to a customer may name; any other {name} is refused at load time. The
# closing warning may also say in how many business {days} the ticket closes.
PLACEHOLDERS = frozenset({"number", "subject", "company"})
WARNING_PLACEHOLDERS = PLACEHOLDERS | {"days"}


def check_placeholders(text: str, allowed: frozenset[str] = PLACEHOLDERS) -> str:
    """The text, if every {name} in it is one the code fills in; ValueError naming the others."""
    try:
        named = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError as problem:
        raise ValueError(f"a brace in the text is not a placeholder ({problem})") from None
    unknown = sorted(named - allowed)
    if unknown:
        known = ", ".join("{" + name + "}" for name in sorted(allowed))
        raise ValueError(f"unknown placeholder {{{unknown[0]}}} (known: {known})")
    return text


class DailyCheck(Frozen):
    """Each person of `role` gets their queue and what needs follow-up, once a business day."""

    role: Slug
    at: time
    # A ticket waiting on the customer this long needs chasing (business days).
    waiting_on_customer_business_days: PositiveInt = 3
    # An open ticket nobody touched this long needs a look (business hours).
    no_update_business_hours: PositiveInt = 8


class WeeklyReview(Frozen):
    """The week's queue review: posted once a week at `at` (local) on `on`."""

    on: Weekday
    at: time
    # Open tickets not touched this long are listed as without movement (business days).
    no_movement_business_days: PositiveInt = 5


class StatusUpdates(Frozen):
    """How often an escalated ticket's customer hears from the team, and what they are told."""

    every_business_days: PositiveInt
    # owner: the owner gets the text to send or edit; automatic: the desk sends it where the
    # system of record can reach the customer (else the owner still gets it).
    send: Literal["owner", "automatic"] = "owner"
    text: Text = (
        "An update on {number} ({subject}): our engineers are still working on it. "
        "We will write again as soon as we know more."
    )

    @field_validator("text")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        return check_placeholders(value)


class Routines(Frozen):
    """[routines]: each table turns one routine on."""

    daily_check: DailyCheck | None = None
    weekly_review: WeeklyReview | None = None
    status_updates: StatusUpdates | None = None


def routines_problems(p: Profile, ix: Index) -> Iterator[Problem]:
    """The daily check's role must exist and someone must hold it."""
    check = p.routines.daily_check
    if check is None:
        return
    loc = ("routines", "daily_check", "role")
    if check.role not in ix.roles:
        yield Problem(loc, f"unknown role '{check.role}' (known: {', '.join(sorted(ix.roles))})")
    elif not ix.by_role.get(check.role):
        yield Problem(loc, f"nobody on the roster holds '{check.role}'")
