"""Only the allowed tenants' people use the bot: identity is matched within them, never across."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import ValidationError

from services.settings import Settings
from tests.harness import activities as act
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk

OTHER_TENANT = "0badc0de-0000-4000-8000-000000000bad"


@pytest.fixture
async def gated_desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """A local bot (auth off) told which tenant it serves."""
    running = Desk(settings.model_copy(update={"allowed_tenants": act.TENANT_ID}), connector)
    await running.start()
    yield running
    await running.close()


def _from_other_tenant(activity: dict) -> dict:
    activity["channelData"] = {"tenant": {"id": OTHER_TENANT}}
    activity["conversation"]["tenantId"] = OTHER_TENANT
    return activity


async def test_someone_in_another_tenant_with_allisons_email_is_refused(gated_desk: Desk):
    impostor = gated_desk.user("Allison", "allison@bestpack.example")
    activity = _from_other_tenant(
        act.personal_message(impostor.user, "service approvals", gated_desk.service_url)
    )

    answer = await impostor.posts(activity)

    assert answer.status == 403
    assert answer.sent == []


async def test_a_card_action_from_another_tenant_changes_nothing(gated_desk: Desk):
    impostor = gated_desk.user("Allison", "allison@bestpack.example")
    activity = _from_other_tenant(
        act.execute_action(
            impostor.user, "service.approve", {"number": "SR-1001"}, "1", gated_desk.service_url
        )
    )
    answer = await impostor.posts(activity)
    assert answer.status == 403
    assert answer.sent == []


async def test_an_activity_without_a_tenant_is_refused_when_tenants_are_named(gated_desk: Desk):
    mary = gated_desk.user("Mary")
    activity = act.personal_message(mary.user, "help", gated_desk.service_url)
    activity["channelData"] = {}
    assert (await mary.posts(activity)).status == 403


async def test_the_allowed_tenant_is_served(gated_desk: Desk):
    answer = await gated_desk.user("Allison").says("whoami")
    assert answer.status == 201
    assert answer.card["type"] == "AdaptiveCard"


async def test_a_local_bot_without_the_setting_accepts_any_tenant(desk: Desk):
    mary = desk.user("Mary")
    activity = _from_other_tenant(act.personal_message(mary.user, "whoami", desk.service_url))
    assert (await mary.posts(activity)).status == 201


def test_the_app_tenant_and_the_setting_are_both_allowed():
    settings = Settings(
        _env_file=None,
        app_id="00000000-0000-4000-8000-0000000000ab",
        app_password="secret",
        app_tenant_id="AAAA",
        allowed_tenants=" bbbb , cccc",
    )
    assert settings.allowed_tenant_ids == {"aaaa", "bbbb", "cccc"}


def test_a_multi_tenant_bot_must_name_its_tenants():
    with pytest.raises(ValidationError, match="ALLOWED_TENANT_IDS"):
        Settings(
            _env_file=None,
            app_id="00000000-0000-4000-8000-0000000000ab",
            app_password="secret",
            app_type="MultiTenant",
        )
