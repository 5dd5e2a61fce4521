"""A fake Zendesk over HTTP and a client of it on one shared httpx client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from services.clients.zendesk import ZendeskClient
from tests.harness.fake_zendesk import FakeZendesk
from tests.harness.fake_zendesk_client import client_of


@pytest.fixture
async def zendesk() -> AsyncIterator[FakeZendesk]:
    """The fake Zendesk, listening."""
    fake = FakeZendesk()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    """The app's one httpx client, with a short timeout so a delay can outlast it (1 s)."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.0)) as shared:
        yield shared


@pytest.fixture
def client(zendesk: FakeZendesk, http: httpx.AsyncClient) -> ZendeskClient:
    """The client, signed in as the fake's API user."""
    return client_of(zendesk, http)
