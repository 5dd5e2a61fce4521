"""A fake Harvest over HTTP and a client of it on one shared httpx client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from services.clients.harvest import HarvestClient, harvest_config
from tests.harness.fake_harvest import FakeHarvest
from tests.harness.harvest import SUPPORT, SUPPORT_TASK


@pytest.fixture
async def harvest() -> AsyncIterator[FakeHarvest]:
    """The fake Harvest with one project and its task, listening."""
    fake = FakeHarvest()
    fake.store.add_project(SUPPORT, "Support", {SUPPORT_TASK: "Support"})
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    """The app's one httpx client, with a short timeout (1 s)."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.0)) as shared:
        yield shared


@pytest.fixture
def client(harvest: FakeHarvest, http: httpx.AsyncClient) -> HarvestClient:
    """The client, signed in with the fake's token and account."""
    config = harvest_config(harvest.settings())
    assert config is not None
    return HarvestClient(config, http)
