"""Start-up with Zendesk as the system of record: what it refuses, and Zendesk not answering."""

from __future__ import annotations

import asyncio

import pytest

import bot.zendesk
from bot.keys import ZENDESK_CHECK
from services.sync.zendesk.account_check import ZendeskSetupError
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk
from tests.harness.zendesk_desk import on_zendesk


@pytest.fixture
async def zendesk():
    fake = FakeZendesk()
    await fake.start()
    yield fake
    await fake.close()


async def test_a_zendesk_profile_without_the_settings_refuses_to_start(
    settings, connector, tmp_path, zendesk
):
    on = on_zendesk(settings, tmp_path, zendesk)
    off = on.model_copy(update={"zendesk_url": "", "zendesk_email": "", "zendesk_api_token": ""})
    off = off.model_copy(update={"zendesk_webhook_secret": ""})
    desk = Desk(off, connector)
    with pytest.raises(ValueError, match=r"keeps its tickets in Zendesk.*ZENDESK_URL"):
        await desk.start()
    await desk.close()


async def test_a_field_id_zendesk_does_not_have_stops_start_up_naming_it(
    settings, connector, tmp_path, zendesk
):
    on = on_zendesk(settings, tmp_path, zendesk)
    del zendesk.store.fields[max(zendesk.store.fields)]  # production_impact's, deleted there
    desk = Desk(on, connector)
    with pytest.raises(ZendeskSetupError, match="production_impact = 900006: Zendesk has no"):
        await desk.start()
    await desk.close()


async def test_an_api_user_who_is_not_an_admin_stops_start_up(
    settings, connector, tmp_path, zendesk
):
    on = on_zendesk(settings, tmp_path, zendesk)
    zendesk.api_user["role"] = "agent"
    desk = Desk(on, connector)
    with pytest.raises(ZendeskSetupError, match="is a Zendesk agent, not an admin"):
        await desk.start()
    await desk.close()


async def test_zendesk_down_at_start_up_still_ready_and_checked_again_once_it_answers(
    settings, connector, tmp_path, zendesk, monkeypatch
):
    monkeypatch.setattr(bot.zendesk, "RECHECK_SECONDS", 0.05)
    on = on_zendesk(settings, tmp_path, zendesk)
    zendesk.down_until = zendesk.clock().replace(year=2999)
    desk = Desk(on, connector)
    await desk.start()
    try:
        ready = await desk.client.get("/readyz")
        body = await ready.json()
        assert ready.status == 200 and body["status"] == "ready"
        assert body["zendesk"].startswith("Zendesk could not be reached")
        zendesk.down_until = None
        for _ in range(100):
            if desk.app[ZENDESK_CHECK].problem is None:
                break
            await asyncio.sleep(0.02)
        assert await (await desk.client.get("/readyz")).json() == {"status": "ready"}
    finally:
        await desk.close()
