"""The HubSpot client and its configuration for a running FakeHubSpot."""

from __future__ import annotations

import httpx

from services.clients.hubspot import HubSpotClient, HubSpotConfig, Pace
from services.delivery.limiter import Window
from tests.harness.fake_hubspot import API_TOKEN, FakeHubSpot


def config_of(fake: FakeHubSpot, token: str = API_TOKEN) -> HubSpotConfig:
    """HUBSPOT_* settings pointing at the fake."""
    return HubSpotConfig(base_url=fake.url, access_token=token)


def pace_of(fake: FakeHubSpot, patience: float = 5.0) -> Pace:
    """The client's pace matched to the fake's search limit (tests shrink its window)."""
    return Pace(search=Window(fake.search_per_second, fake.search_window), patience=patience)


def client_of(
    fake: FakeHubSpot, http: httpx.AsyncClient, token: str = API_TOKEN, patience: float = 5.0
) -> HubSpotClient:
    """A client of the fake on the given shared httpx client."""
    return HubSpotClient(config_of(fake, token), http, pace_of(fake, patience))
