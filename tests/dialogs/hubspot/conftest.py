"""The desk these conversations run on: the Kinetic desk with HubSpot (the fake) as its
system of record."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.keys import SERVICES
from tests.harness.desk import Desk
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.fake_hubspot_webhooks import HubSpotWebhooks
from tests.harness.hubspot_desk import Account, on_hubspot, set_up
from tests.harness.hubspot_inbound import Inbound
from tests.harness.sync import Clock
from tests.harness.triage import MONDAY_9AM


@pytest.fixture
async def hubspot() -> AsyncIterator[FakeHubSpot]:
    """The fake HubSpot, listening."""
    fake = FakeHubSpot()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def account(hubspot: FakeHubSpot) -> Account:
    """The account as the desk's admin set it up."""
    return set_up(hubspot)


@pytest.fixture
def clock() -> Clock:
    """The app's clock, Monday 9 AM, moved by hand (the sync worker reads it too)."""
    return Clock(MONDAY_9AM)


@pytest.fixture
async def desk(settings, connector, tmp_path, hubspot, account, clock) -> AsyncIterator[Desk]:
    """The production features, with HubSpot as the record."""
    hubspot.store.clock = clock
    running = Desk(on_hubspot(settings, tmp_path, hubspot), connector)
    await running.start()
    try:
        running.app[SERVICES].clock = clock
        yield running
    finally:
        await running.close()


@pytest.fixture
def inbound(desk: Desk, hubspot: FakeHubSpot, account: Account, clock: Clock) -> Inbound:
    """What happens in HubSpot, and the signed webhooks it sends the running desk about it."""
    return Inbound(desk, hubspot, account, HubSpotWebhooks(hubspot.store), clock)
