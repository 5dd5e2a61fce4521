"""A fake HubSpot over HTTP, seeded with BestPack's CRM, and a client of it."""

from __future__ import annotations

import httpx
import pytest

from services.clients.hubspot import HubSpotClient
from tests.harness import hubspot_crm
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.fake_hubspot_client import client_of

# The fake with BestPack's CRM and the shared httpx client, as the other HubSpot tests have them.
hubspot, world, http = hubspot_crm.hubspot, hubspot_crm.world, hubspot_crm.http


@pytest.fixture
def client(hubspot: FakeHubSpot, http: httpx.AsyncClient) -> HubSpotClient:
    """The client, with the fake's access token."""
    return client_of(hubspot, http)
