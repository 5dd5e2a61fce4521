"""The fake NetSuite's SuiteQL: queries run for real on SQLite, made to behave like Oracle.

What SuiteQL does and SQLite would not, done here: LIKE is case-sensitive (SQLite's is not by
default); UPPER folds every script, not only ASCII; TO_CHAR(date, 'YYYY-MM-DD') formats a
date the way Oracle does, and dates sort as dates; a date column read raw comes back as
NetSuite displays it to a US-preference user ("3/14/2026"), not ISO; only SELECT is
allowed (SuiteQL is read-only) and LIMIT is refused (Oracle has none: paging is the REST
limit/offset). Every value goes back as a string, numbers and dates too, and a null column is
left out of its row, as NetSuite's REST answer does (as seen in answers; Oracle's pages show
no null column).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime
from typing import Any

# A stored date: a mark no typed text holds, then ISO, so ORDER BY sorts by date as Oracle does.
_DATE_MARK = "\x1f"
_ORACLE_TOKENS = (("YYYY", "%Y"), ("HH24", "%H"), ("MM", "%m"), ("DD", "%d"), ("MI", "%M"))
_FORBIDDEN = re.compile(r"\b(insert|update|delete|drop|create|alter|attach|pragma|limit)\b", re.I)


class SuiteQLError(Exception):
    """A query NetSuite would refuse (400 INVALID_PARAMETER); the words are NetSuite's kind."""


def stored_date(value: date | datetime) -> str:
    """How a date or datetime column holds its value here."""
    text = value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return _DATE_MARK + text


def _date_of(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.startswith(_DATE_MARK):
        return None
    return datetime.fromisoformat(value[1:])


def display(value: datetime, with_time: bool) -> str:
    """A date as NetSuite shows it to a user with the M/D/YYYY preference."""
    shown = f"{value.month}/{value.day}/{value.year}"
    if not with_time:
        return shown
    hour, half = value.hour % 12 or 12, "am" if value.hour < 12 else "pm"
    return f"{shown} {hour}:{value.minute:02d} {half}"


def _to_char(value: Any, fmt: str | None = None) -> str | None:
    """Oracle's TO_CHAR for the date formats queries use; other values as text."""
    if value is None:
        return None
    when = _date_of(value)
    if when is None or fmt is None:
        return _text(value)
    out = fmt.replace('"T"', "T")
    for token, directive in _ORACLE_TOKENS:
        out = out.replace(token, directive)
    return when.strftime(out.replace("SS", "%S"))


def _upper(value: Any) -> Any:
    return value.upper() if isinstance(value, str) else value


def connect() -> sqlite3.Connection:
    """An in-memory database with Oracle's behaviour where queries depend on it."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("PRAGMA case_sensitive_like = ON")
    db.create_function("UPPER", 1, _upper, deterministic=True)
    db.create_function("TO_CHAR", 1, _to_char, deterministic=True)
    db.create_function("TO_CHAR", 2, _to_char, deterministic=True)
    return db


def run(db: sqlite3.Connection, query: str) -> list[dict[str, str]]:
    """Every row `query` selects, as NetSuite answers them (strings; nulls left out)."""
    text = query.strip()
    if not re.match(r"^select\b", text, re.I) or _FORBIDDEN.search(_outside_strings(text)):
        raise SuiteQLError("Invalid search query: only a single SELECT statement is allowed.")
    try:
        cursor = db.execute(_sqlite_names(text))
    except (sqlite3.Error, sqlite3.Warning) as error:
        raise SuiteQLError(
            f"Invalid search query. Detailed unprocessed description: {error}"
        ) from None
    names = [column[0].lower() for column in cursor.description]
    return [
        {name: _text(value) for name, value in zip(names, row, strict=True) if value is not None}
        for row in cursor.fetchall()
    ]


def _text(value: Any) -> str:
    if (when := _date_of(value)) is not None:
        return display(when, with_time=" " in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sqlite_names(query: str) -> str:
    """`transaction` is a table to Oracle but a keyword to SQLite: quote it, outside strings."""
    parts = re.split(r"('(?:[^']|'')*')", query)
    return "".join(
        part
        if part.startswith("'")
        else re.sub(r"\btransaction\b", '"transaction"', part, flags=re.I)
        for part in parts
    )


def _outside_strings(query: str) -> str:
    """The query with its string literals blanked, so a keyword inside one is not refused."""
    return re.sub(r"'(?:[^']|'')*'", "''", query)
