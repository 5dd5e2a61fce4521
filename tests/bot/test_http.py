"""The HTTP surface: health, readiness, and clear 4xx answers for bad requests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from tests.harness import activities as act
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk


async def test_healthz_and_readyz_answer_once_the_database_is_migrated(desk: Desk):
    alive = await desk.client.get("/healthz")
    assert alive.status == 200
    ready = await desk.client.get("/readyz")
    assert ready.status == 200
    assert (await ready.json())["status"] == "ready"


async def test_wrong_content_type_is_415(desk: Desk):
    response = await desk.client.post(
        "/api/messages", data="type=message", headers={"Content-Type": "text/plain"}
    )
    assert response.status == 415
    assert "application/json" in (await response.json())["error"]


async def test_malformed_json_is_400_without_a_stack_trace(desk: Desk):
    response = await desk.client.post(
        "/api/messages", data="{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status == 400
    body = await response.text()
    assert "Traceback" not in body and "not valid JSON" in body


async def test_json_that_is_not_an_activity_is_400(desk: Desk):
    response = await desk.client.post("/api/messages", json=["a", "list"])
    assert response.status == 400


async def test_every_response_carries_a_correlation_id(desk: Desk):
    response = await desk.client.get("/healthz", headers={"X-Correlation-Id": "abc123"})
    assert response.headers["X-Correlation-Id"] == "abc123"
    other = await desk.client.get("/healthz")
    assert len(other.headers["X-Correlation-Id"]) == 12


@pytest.fixture
async def secured_desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """A bot with an app id: authentication on."""
    secured = settings.model_copy(
        update={
            "app_id": "00000000-0000-4000-8000-0000000000ab",
            "app_password": "secret",
            "app_tenant_id": "72f988bf-86f1-41af-91ab-2d7cd011db47",
        }
    )
    running = Desk(secured, connector)
    await running.start()
    yield running
    await running.close()


async def test_with_an_app_id_a_request_without_a_token_is_401(secured_desk: Desk):
    mary = secured_desk.user("Mary")
    activity = act.personal_message(mary.user, "help", secured_desk.service_url)
    response = await secured_desk.client.post("/api/messages", json=activity)
    assert response.status == 401
    assert secured_desk.connector.sent == []
