"""A fake NetSuite over HTTP and a client of it on one shared httpx client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from services.clients.netsuite import NetSuiteClient
from tests.harness.fake_netsuite import FakeNetSuite
from tests.harness.netsuite import client_of


@pytest.fixture
async def netsuite() -> AsyncIterator[FakeNetSuite]:
    """The fake NetSuite, listening."""
    fake = FakeNetSuite()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    """The app's one httpx client, with a short timeout so a hang can outlast it (1 s)."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(1.0)) as shared:
        yield shared


@pytest.fixture
def client(netsuite: FakeNetSuite, http: httpx.AsyncClient) -> NetSuiteClient:
    """The client, signed in with the fake's token."""
    return client_of(netsuite, http)
