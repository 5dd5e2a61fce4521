"""Process 7's fixtures: the bot on each database, for the conversations that search."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.harness.desk import Desk
from tests.harness.involvement import kinetic_desk


@pytest.fixture
def kb_desk(desk_on_each_database: Desk) -> Desk:
    """The bot, running on each database in turn."""
    return desk_on_each_database


@pytest.fixture
async def kinetic(settings, connector) -> AsyncIterator[Desk]:
    """The bot on the shipped Kinetic Data profile, which puts documentation first."""
    async with kinetic_desk(settings, connector) as running:
        yield running
