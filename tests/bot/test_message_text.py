"""Typed text is bounded before anything reads it, and markup is stripped in linear time."""

from __future__ import annotations

import asyncio
import time

from bot.handler import MAX_TEXT
from tests.harness.desk import Desk


async def _healthz_while(desk: Desk, text: str) -> tuple[float, object]:
    """How long /healthz takes while a message of `text` is being handled."""
    mary = desk.user("Mary")
    message = asyncio.create_task(mary.says(text))
    started = time.perf_counter()
    # The message is being handled by now (or, fixed, already answered); a blocked event
    # loop shows as this sleep and the probe taking as long as the block.
    await asyncio.sleep(0.2)
    alive = await desk.client.get("/healthz")
    elapsed = time.perf_counter() - started - 0.2
    assert alive.status == 200
    return elapsed, await message


async def test_100_kb_of_angle_brackets_leaves_the_bot_live(desk: Desk):
    # Liveness, not speed: the old pattern took ~10 s of the event loop for this text.
    elapsed, answer = await _healthz_while(desk, "<" * (MAX_TEXT - 10))
    assert elapsed < 1.0
    assert answer.texts == ["I didn't catch that. Type `help` to see what I can do."]


async def test_a_message_longer_than_teams_allows_is_refused_in_words(desk: Desk):
    elapsed, answer = await _healthz_while(desk, "<a" * 125_000)
    assert elapsed < 1.0
    assert answer.texts == [
        "That message is too long for me (250,000 characters). Commands are short: type `help`."
    ]


async def test_markup_is_still_stripped_from_commands(desk: Desk):
    answer = await desk.user("Mary").says("<p><b>whoami</b></p>")
    assert answer.card["type"] == "AdaptiveCard"
