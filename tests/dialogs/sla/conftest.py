"""The desk SLA conversations run on: the production features plus `file <subject>`."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.sla import open_desk


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """A running desk with the filing command."""
    running = await open_desk(settings, connector)
    yield running
    await running.close()
