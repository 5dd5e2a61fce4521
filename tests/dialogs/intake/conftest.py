"""Desks for intake's stories with BP Search: the sample installed base stored."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from tests.harness.bp_intake import stocked_desk
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.profiles import bestpack_with


@pytest.fixture
async def stocked(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """The desk with the sample installed base."""
    async for running in stocked_desk(settings, connector):
        yield running


@pytest.fixture
async def impatient(settings: Settings, connector: FakeConnector, tmp_path) -> AsyncIterator[Desk]:
    """The same, waiting at most half a second on BP Search (the profile's timeout_seconds)."""
    quick = bestpack_with(
        settings, tmp_path, "quick-bp", ("timeout_seconds = 2.0", "timeout_seconds = 0.5")
    )
    async for running in stocked_desk(quick, connector):
        yield running
