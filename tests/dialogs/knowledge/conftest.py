"""Process 7's fixtures: the bot on each database, for the conversations that search."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk


@pytest.fixture
async def kb_desk(
    settings_on_each_database: Settings, connector: FakeConnector
) -> AsyncIterator[Desk]:
    """The bot, running on each database in turn."""
    running = Desk(settings_on_each_database, connector)
    await running.start()
    yield running
    await running.close()
