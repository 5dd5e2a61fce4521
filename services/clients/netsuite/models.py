"""What SuiteQL answers: a page of rows, every value a string (or null) as NetSuite sends it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from services.clients.netsuite.errors import NetSuiteUnavailable

Row = dict[str, str | None]


@dataclass(frozen=True)
class SuiteQLPage:
    """One page: its rows, whether more follow, how many the query matched, where it began."""

    items: tuple[Row, ...]
    has_more: bool
    total: int
    offset: int


def page_of(body: dict[str, Any]) -> SuiteQLPage:
    """The page in a SuiteQL answer {links, count, hasMore, items, offset, totalResults}."""
    items = body.get("items")
    if not isinstance(items, list):
        raise NetSuiteUnavailable("NetSuite answered a SuiteQL query without items")
    return SuiteQLPage(
        items=tuple(_row(item) for item in items if isinstance(item, dict)),
        has_more=bool(body.get("hasMore")),
        total=_count(body.get("totalResults"), len(items)),
        offset=_count(body.get("offset"), 0),
    )


def _row(item: dict[str, Any]) -> Row:
    # Each item carries "links": [] beside its columns; the columns' keys are lower case.
    return {
        key.lower(): None if value is None else str(value)
        for key, value in item.items()
        if key != "links"
    }


def _count(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default
