"""The desk BP Search conversations run on: the embedded installed base stocked with the test
sample (tests/harness/installed_base.py), the clock stopped on Monday 30 Nov 2026, 09:00."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.keys import DATABASE
from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.domain import MONDAY_9AM
from tests.harness.installed_base import stock
from tests.harness.tickets import freeze


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """The bot on a database that holds the sample customers, machines and orders."""
    running = Desk(settings, connector)
    await running.start()
    await stock(running.app[DATABASE])
    freeze(running, MONDAY_9AM)
    yield running
    await running.close()
