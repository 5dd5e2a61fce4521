"""A desk with week 47 of 2026 on its books (tests/services/test_scorecard.py's hand-checked
week), its clock at the Monday post after it, and ways to read the scorecard card."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.keys import SERVICES
from services.settings import Settings
from tests.harness.cards import elements, texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.scorecard_book import POSTED, seed_the_week

__all__ = ["POSTED", "chart", "row", "week_47_desk"]


@asynccontextmanager
async def week_47_desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """The bot with week 47 on its books, on Monday 23 Nov 2026 at 06:00 Pacific."""
    running = Desk(settings, connector)
    await running.start()
    try:
        await seed_the_week(running.app[SERVICES].db)
        running.app[SERVICES].clock = lambda: POSTED
        yield running
    finally:
        await running.close()


def row(card: dict, label: str) -> list[str]:
    """The cells of the table line that starts with `label`."""
    cells = texts(card)
    at = cells.index(label)
    return cells[at : at + 5]


def chart(card: dict) -> bytes:
    """The PNG the card's chart image carries."""
    [image] = [e for e in elements(card) if e["type"] == "Image"]
    prefix = "data:image/png;base64,"
    assert image["url"].startswith(prefix)
    assert image["altText"].startswith("Reopen rate and acknowledgement rate by week.")
    return base64.b64decode(image["url"][len(prefix) :])
