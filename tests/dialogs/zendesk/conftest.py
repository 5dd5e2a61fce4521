"""The desks these conversations run on: Zendesk (the fake) as their system of record."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.keys import SERVICES
from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk
from tests.harness.sync import Clock
from tests.harness.triage import CHANNEL, MONDAY_9AM, filing_desk
from tests.harness.zendesk_desk import on_zendesk
from tests.harness.zendesk_inbound import ZendeskDesk, zendesk_desk


@pytest.fixture
async def zendesk() -> AsyncIterator[FakeZendesk]:
    """The fake Zendesk, listening."""
    fake = FakeZendesk()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def clock() -> Clock:
    """The app's clock, Monday 9 AM, moved by hand (the sync worker reads it too)."""
    return Clock(MONDAY_9AM)


@pytest.fixture
async def desk(settings, connector, tmp_path, zendesk, clock) -> AsyncIterator[Desk]:
    """The production features plus `file <preset>`, a triage channel, Zendesk as the record."""
    zendesk.clock = clock
    on = on_zendesk(settings, tmp_path, zendesk, CHANNEL.channel_id)
    async with filing_desk(on, connector) as running:
        running.app[SERVICES].clock = clock
        yield running


@pytest.fixture
async def zd(settings: Settings, connector: FakeConnector, tmp_path) -> AsyncIterator[ZendeskDesk]:
    """The bot with Zendesk as its system of record and the fake Zendesk, for what Zendesk
    tells the bot (webhooks, the catch-up)."""
    async with zendesk_desk(settings, connector, tmp_path) as running:
        yield running
