"""Every conversation here runs against the fake Zendesk as the desk's system of record."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.zendesk_desk import ZendeskDesk, zendesk_desk


@pytest.fixture
async def zd(settings: Settings, connector: FakeConnector, tmp_path) -> AsyncIterator[ZendeskDesk]:
    """The bot with Zendesk as its system of record, and the fake Zendesk."""
    async with zendesk_desk(settings, connector, tmp_path) as running:
        yield running
