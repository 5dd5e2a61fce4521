"""A desk is offered the commands of the processes it runs: Kinetic Data answers no parts."""

from __future__ import annotations

import pytest

from services.settings import Settings
from tests.harness.cards import facts
from tests.harness.desk import Desk
from tests.harness.lives import KINETIC_LIFE


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The bot on the shipped Kinetic Data profile."""
    return KINETIC_LIFE.settings(settings)


async def test_sams_help_has_no_parts_commands(desk: Desk):
    card = (await KINETIC_LIFE.person(desk, "sam").says("help")).card
    commands = facts(card)
    assert "new ticket" in commands and "escalate KD-1001" in commands
    assert not [c for c in commands if c.startswith(("parts", "service"))]
    assert "parts" not in [a["data"]["msteams"]["value"] for a in card["actions"]]


@pytest.mark.parametrize("text", ["parts KD-1001", "parts status SO-1001"])
async def test_asking_for_parts_says_the_desk_has_nobody_for_them(desk: Desk, text: str):
    answer = await KINETIC_LIFE.person(desk, "riley").says(text)
    assert answer.texts[-1] == (
        "Nobody on the Kinetic Data desk may answer parts requests: "
        f"`{text.rsplit(' ', 1)[0]}` is not used here."
    )


async def test_a_desk_without_machines_has_no_lookup(desk: Desk):
    sam = KINETIC_LIFE.person(desk, "sam")
    assert not [c for c in facts((await sam.says("help")).card) if c.startswith("lookup")]
    answer = await sam.says("lookup Northwind")
    assert answer.texts[-1] == "The Kinetic Data desk keeps no machines: `lookup` is not used here."
