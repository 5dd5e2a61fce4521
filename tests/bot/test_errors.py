"""A failing turn: logged with a correlation id, the user gets a short apology with that id."""

from __future__ import annotations

import logging
import re

from bot.commands import core
from bot.router import Feature
from bot.turn import Turn
from tests.harness.desk import Desk

broken = Feature("broken-for-tests")


@broken.command("explode", help="Fail on purpose")
async def explode(turn: Turn, args: str) -> None:
    """Raise, as a bug would."""
    raise RuntimeError("database on fire")


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
