"""A fake HubSpot with the support inbox, and the desk's client of it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from services.clients.hubspot import HubSpotClient
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.fake_hubspot_client import client_of


@pytest.fixture
async def hubspot() -> AsyncIterator[FakeHubSpot]:
    """The fake HubSpot, listening."""
    fake = FakeHubSpot()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def client(hubspot: FakeHubSpot) -> AsyncIterator[HubSpotClient]:
    """A client of the fake on its own shared httpx client, patient for one second."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.0)) as http:
        yield client_of(hubspot, http, patience=1.0)
