"""Start-up with HubSpot as the system of record: what it refuses, HubSpot not answering, and
no ticket worker where HubSpot only answers BP Search."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

import bot.hubspot_tickets
from bot.keys import HUBSPOT_CHECK, HUBSPOT_SYNC_WORKER, SYNC_WORKER
from services.sync.hubspot.account_check import HubSpotSetupError
from tests.harness.desk import Desk
from tests.harness.fake_hubspot import API_TOKEN, FakeHubSpot
from tests.harness.hubspot_desk import on_hubspot, set_up


@pytest.fixture
async def hubspot() -> AsyncIterator[FakeHubSpot]:
    fake = FakeHubSpot()
    await fake.start()
    set_up(fake)
    yield fake
    await fake.close()


async def test_a_hubspot_profile_without_the_token_refuses_to_start(
    settings, connector, tmp_path, hubspot
):
    off = on_hubspot(settings, tmp_path, hubspot).model_copy(
        update={"hubspot_url": "", "hubspot_access_token": "", "hubspot_client_secret": ""}
    )
    desk = Desk(off, connector)
    # Named, whether it reads as a HubSpot desk without it or as a half-set HubSpot.
    with pytest.raises(ValueError, match="HUBSPOT_ACCESS_TOKEN"):
        await desk.start()
    await desk.close()


async def test_a_property_hubspot_does_not_have_stops_start_up_naming_it(
    settings, connector, tmp_path, hubspot
):
    del hubspot.store.ticket_schema.properties["installation_type"]  # deleted there
    desk = Desk(on_hubspot(settings, tmp_path, hubspot), connector)
    with pytest.raises(
        HubSpotSetupError,
        match=r'properties.installation_type = "installation_type": HubSpot has no',
    ):
        await desk.start()
    await desk.close()


async def test_hubspot_down_at_start_up_still_ready_and_checked_again_once_it_answers(
    settings, connector, tmp_path, hubspot, monkeypatch
):
    monkeypatch.setattr(bot.hubspot_tickets, "RECHECK_SECONDS", 0.05)
    hubspot.down = True
    desk = Desk(on_hubspot(settings, tmp_path, hubspot), connector)
    await desk.start()
    try:
        ready = await desk.client.get("/readyz")
        body = await ready.json()
        assert ready.status == 200 and body["status"] == "ready"
        assert body["hubspot"].startswith("HubSpot could not be reached")
        assert HUBSPOT_SYNC_WORKER in desk.app  # changes queue meanwhile
        hubspot.down = False
        for _ in range(100):
            if desk.app[HUBSPOT_CHECK].problem is None:
                break
            await asyncio.sleep(0.02)
        assert await (await desk.client.get("/readyz")).json() == {"status": "ready"}
    finally:
        await desk.close()


async def test_hubspot_for_bp_search_alone_files_no_tickets_there(settings, connector, hubspot):
    bestpack = settings.model_copy(
        update={"hubspot_url": hubspot.url, "hubspot_access_token": API_TOKEN}
    )
    desk = Desk(bestpack, connector)
    await desk.start()
    try:
        assert HUBSPOT_SYNC_WORKER not in desk.app and SYNC_WORKER not in desk.app
        assert hubspot.requests == []  # not even the start-up check
    finally:
        await desk.close()
