"""Putting text into SuiteQL safely: string literals, LIKE patterns and identifiers.

SuiteQL is Oracle SQL underneath and the REST endpoint takes no bind parameters, so what a
person typed enters a query only through `literal` or `like_pattern`: single quotes doubled
(a backslash is no escape in Oracle), control characters dropped (no NetSuite name holds
one, and NUL would end the string early in some layers), the length bounded. Record and field
ids come from the profile and must pass `identifier`, a strict regex, since they cannot be
quoted at all.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TEXT = 200  # characters; Oracle's own limit on a literal is 4000 bytes
ESCAPE = "\\"
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,98}$")
_DROPPED = {"Cc", "Cs", "Co", "Cn"}  # controls, lone surrogates, private use, unassigned


class UnsafeText(ValueError):
    """Text that cannot be put into a query (too long), or an identifier that is not one."""


def clean(text: str) -> str:
    """`text` without the characters no query needs; UnsafeText when longer than MAX_TEXT."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in _DROPPED)
    if len(kept) > MAX_TEXT:
        raise UnsafeText(f"search text longer than {MAX_TEXT} characters")
    return kept


def literal(text: str) -> str:
    """`text` as a SuiteQL string literal: 'O''Brien'."""
    return _quoted(clean(text))


def like_pattern(text: str, *, starts: bool = False, any_case: bool = False) -> str:
    """A LIKE pattern with its ESCAPE clause matching values that contain `text` (or start
    with it): a % or _ a person typed matches itself, not any characters. With `any_case` the
    pattern is upper-cased by SuiteQL, for a column compared as UPPER(column)."""
    escaped = "".join(ESCAPE + ch if ch in "%_\\" else ch for ch in clean(text))
    pattern = _quoted(f"{escaped}%" if starts else f"%{escaped}%")
    return f"{f'UPPER({pattern})' if any_case else pattern} ESCAPE {_quoted(ESCAPE)}"


def contains(column: str, text: str, *, starts: bool = False) -> str:
    """The condition "`column` contains (or starts with) `text`, whatever the case"; `column`
    is a trusted expression (an alias and an `identifier`)."""
    return f"UPPER({column}) LIKE {like_pattern(text, starts=starts, any_case=True)}"


def equals(column: str, text: str) -> str:
    """The condition "`column` is `text`, whatever the case"."""
    return f"UPPER({column}) = UPPER({literal(text)})"


def identifier(name: str) -> str:
    """A record or field id (customrecord_bp_machine, custrecord_bp_serial), checked."""
    if not _IDENTIFIER.match(name):
        raise UnsafeText(f"{name!r} is not a NetSuite record or field id")
    return name


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
