"""A failing turn: logged with a correlation id, the user gets a short apology with that id."""

from __future__ import annotations

import logging
import re

from bot.commands import core
from bot.router import Feature
from bot.storage import StorageEtagConflict
from bot.turn import Turn
from tests.harness.desk import Desk

broken = Feature("broken-for-tests")


@broken.command("explode", help="Fail on purpose")
async def explode(turn: Turn, args: str) -> None:
    """Raise, as a bug would."""
    raise RuntimeError("database on fire")


@broken.command("race", help="Lose a state race on purpose")
async def race(turn: Turn, args: str) -> None:
    """Fail the way a double click's second turn does when it saves state."""
    raise StorageEtagConflict("conversation state changed since it was read")


async def test_a_failing_command_apologises_with_the_id_in_the_log(settings, connector, caplog):
    desk = Desk(settings, connector, features=[core, broken])
    await desk.start()
    try:
        caplog.set_level(logging.ERROR, logger="bot.turn")
        answer = await desk.user("Mary").says("explode")
    finally:
        await desk.close()
    assert answer.status == 201
    assert len(answer.texts) == 1
    apology = answer.texts[0]
    assert "database on fire" not in apology
    ref = re.search(r"reference ([0-9a-f]{12})", apology).group(1)
    assert any(ref in record.getMessage() for record in caplog.records)


async def test_a_lost_state_race_asks_to_send_again_without_an_error_reference(settings, connector):
    desk = Desk(settings, connector, features=[core, broken])
    await desk.start()
    try:
        answer = await desk.user("Jordan").says("race")
    finally:
        await desk.close()
    assert answer.texts == [
        "That crossed with another action in this chat. Please send it once more."
    ]
