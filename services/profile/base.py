"""Shared building blocks for the profile models: the frozen base, key types and small checks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from services.profile.errors import Loc, Problem
from services.profile.states import STATE_NAMES

_SLUG = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
# Deliberately permissive: the directory (Entra ID) is the authority on addresses; this only
# catches typos such as a missing "@" or a stray space before a person can never be matched.
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")

US_STATES: frozenset[str] = frozenset(STATE_NAMES)


class Frozen(BaseModel):
    """Base for every profile model: immutable, and unknown keys are errors (typos get caught)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"'{value}' is not a valid id (lowercase letters, digits, '_', '-')")
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError("value is not a valid email address")
    return value


def _check_state(value: str) -> str:
    code = value.upper()
    if code not in US_STATES:
        raise ValueError(f"'{value}' is not a US state code (two letters, DC included)")
    return code


Slug = Annotated[str, AfterValidator(_check_slug)]
Email = Annotated[str, AfterValidator(_check_email)]
StateCode = Annotated[str, AfterValidator(_check_state)]
Text = Annotated[str, Field(min_length=1)]


def duplicates(loc: Loc, key: str, values: Iterable[str], what: str) -> Iterator[Problem]:
    """Yield a problem at ``loc[i].key`` for every value already seen earlier (case-insensitive)."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        folded = value.casefold()
        if folded in seen:
            yield Problem((*loc, index, key), f"duplicate {what} '{value}'")
        seen.add(folded)
