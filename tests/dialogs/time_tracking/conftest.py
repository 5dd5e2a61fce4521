"""The desks these conversations run on: the Kinetic desk logging time, with the fake
Harvest (or with Harvest off), on a clock moved by hand."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.harness.desk import Desk
from tests.harness.fake_harvest import FakeHarvest
from tests.harness.harvest import MONDAY_EVENING, stock, timesheet_desk
from tests.harness.sync import Clock


@pytest.fixture
def clock() -> Clock:
    """Monday evening in Chicago, moved by the Harvest worker's rounds (the fake reads it too)."""
    return Clock(MONDAY_EVENING)


@pytest.fixture
async def harvest(clock: Clock) -> AsyncIterator[FakeHarvest]:
    """The fake Harvest holding the profile's projects, listening."""
    fake = FakeHarvest(clock=lambda: clock.now.timestamp())
    stock(fake)
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def desk(settings, connector, tmp_path, harvest, clock) -> AsyncIterator[Desk]:
    """The Kinetic desk with Harvest on."""
    async with timesheet_desk(settings, connector, tmp_path, harvest, clock) as running:
        yield running


@pytest.fixture
async def desk_without_harvest(settings, connector, tmp_path, clock) -> AsyncIterator[Desk]:
    """The same desk with HARVEST_* unset: time is stored in the bot only."""
    async with timesheet_desk(settings, connector, tmp_path, None, clock) as running:
        yield running
