"""The Zendesk client and its configuration for a running FakeZendesk."""

from __future__ import annotations

import httpx

from services.clients.zendesk import ZendeskClient, ZendeskConfig
from tests.harness.fake_zendesk import API_EMAIL, API_TOKEN, FakeZendesk

WEBHOOK_SECRET = "zd-webhook-signing-secret"


def config_of(fake: FakeZendesk, token: str = API_TOKEN, email: str = API_EMAIL) -> ZendeskConfig:
    """ZENDESK_* settings pointing at the fake."""
    return ZendeskConfig(
        base_url=fake.url, email=email, api_token=token, webhook_secret=WEBHOOK_SECRET
    )


def client_of(fake: FakeZendesk, http: httpx.AsyncClient, **config: str) -> ZendeskClient:
    """A client of the fake on the given shared httpx client."""
    return ZendeskClient(config_of(fake, **config), http)
