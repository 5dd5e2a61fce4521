"""The desk scorecard conversations run on: week 47 on its books, Monday's post time."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.scorecard import week_47_desk


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """Week 47's desk, with the settings of the test module (a scorecard channel, or none)."""
    async with week_47_desk(settings, connector) as running:
        yield running
