"""SkippedItems: a job's bad item is logged once while remembered, and again once forgotten."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from services.scheduler.skipping import REMEMBER, SkippedItems

NOON = datetime(2026, 11, 30, 20, 0, tzinfo=UTC)


def logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The skipping lines logged so far."""
    return [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]


def test_an_item_is_logged_once_a_day_while_it_fails_and_anew_after_it_went_through(
    caplog: pytest.LogCaptureFixture,
) -> None:
    skipped = SkippedItems("Nightly job", "ticket id")
    line = "Nightly job skipped ticket id 7, which failed; the others went on"
    for minutes in range(0, 60 * 24, 60):  # every hour for a day
        skipped.skip(7, ValueError("bad"), NOON + timedelta(minutes=minutes))
    assert logged(caplog) == [line]

    skipped.skip(7, ValueError("still bad"), NOON + REMEMBER)
    assert logged(caplog) == [line, line]
    skipped.handled(7)
    assert skipped.known(NOON + REMEMBER) == frozenset()
    skipped.skip(7, ValueError("bad again"), NOON + REMEMBER + timedelta(minutes=1))
    assert logged(caplog) == [line, line, line]


async def test_each_loads_the_items_one_by_one_and_skips_those_that_fail() -> None:
    skipped = SkippedItems("Nightly job")

    async def load(item: int) -> str | None:
        if item == 2:
            raise ValueError("unreadable")
        return None if item == 3 else f"item {item}"

    assert await skipped.each([1, 2, 3, 4], load, NOON) == ["item 1", "item 4"]
    assert skipped.known(NOON) == frozenset({2})
