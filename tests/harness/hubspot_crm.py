"""Fixtures for tests against a fake HubSpot holding BestPack's CRM: the fake (its limit windows
shrunk so a test runs fast), the records seeded in it, and the app's one httpx client.

A conftest binds them as its own: `hubspot, world, http = hubspot_crm.hubspot, ...`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.hubspot_world import World, seed


@pytest.fixture
async def hubspot() -> AsyncIterator[FakeHubSpot]:
    """The fake HubSpot, listening; its limit windows shrunk so a test runs fast."""
    fake = FakeHubSpot(search_window=0.2, burst_window=0.3)
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def world(hubspot: FakeHubSpot) -> World:
    """The records seeded in the fake."""
    return seed(hubspot.store)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    """The app's one httpx client, with a short timeout so a slow answer can outlast it (1 s)."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.0)) as shared:
        yield shared
