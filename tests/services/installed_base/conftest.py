"""A fake HubSpot seeded with BestPack's CRM, and the directory on a client of it."""

from __future__ import annotations

import httpx
import pytest

from services.installed_base.hubspot import HubSpotDirectory
from tests.harness import hubspot_crm
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.fake_hubspot_client import client_of

# The fake with BestPack's CRM and the shared httpx client, as the other HubSpot tests have them.
hubspot, world, http = hubspot_crm.hubspot, hubspot_crm.world, hubspot_crm.http


@pytest.fixture
def directory(hubspot: FakeHubSpot, http: httpx.AsyncClient) -> HubSpotDirectory:
    """The directory on a client with the fake's token, willing to wait 2 s on rate limits."""
    return HubSpotDirectory(client_of(hubspot, http, patience=2.0))
