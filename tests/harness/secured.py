"""A bot with authentication on, trusting the fake login, and messages posted to it with a token."""

from __future__ import annotations

import pytest

from services.settings import Settings
from tests.harness import activities as act
from tests.harness.desk import Answer, Desk
from tests.harness.openid import FakeBotFrameworkLogin

APP_ID = "00000000-0000-4000-8000-0000000000ab"


def trusting(
    settings: Settings, login: FakeBotFrameworkLogin, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """Settings for a bot with an app id (authentication on) that trusts only `login`."""
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(login.ca_file))  # any real HTTPS call fails
    monkeypatch.setenv("SSL_CERT_FILE", str(login.ca_file))
    return settings.model_copy(
        update={
            "app_id": APP_ID,
            "app_password": "secret",
            "app_tenant_id": act.TENANT_ID,
            "openid_metadata_url": login.metadata_url,
            "login_url": login.login_url,
        }
    )


async def delivered(desk: Desk, text: str, authorization: str | None) -> Answer:
    """Mary's message, posted as the channel posts it, with this Authorization header."""
    mary = desk.user("Mary")
    activity = act.personal_message(mary.user, text, desk.service_url)
    headers = {"Authorization": authorization} if authorization is not None else {}
    mark = len(desk.connector.sent)
    response = await desk.client.post("/api/messages", json=activity, headers=headers)
    return Answer(response.status, await response.text(), desk.connector.since(mark))
