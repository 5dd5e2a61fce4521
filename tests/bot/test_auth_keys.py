"""A slow or failing key service (login.botframework.com) neither stalls nor locks out the bot."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import pytest

from services.settings import Settings
from tests.harness.clock import freeze
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.openid import FakeBotFrameworkLogin, SigningKey
from tests.harness.secured import APP_ID, delivered, trusting

T = TypeVar("T")

# bot/signing_keys.py fetches the keys within 5 seconds, off the loop's way, and keeps them.
KEY_FETCH_TIMEOUT = 5.0


@pytest.fixture
async def secured_desk(
    settings: Settings, connector: FakeConnector, login: FakeBotFrameworkLogin, monkeypatch
) -> AsyncIterator[Desk]:
    """A bot with an app id that trusts only the fake login; started by the test."""
    running = Desk(trusting(settings, login, monkeypatch), connector)
    yield running
    await running.close()


async def answered_after(started: float, request: Awaitable[T]) -> tuple[T, float]:
    """What `request` got and how long after `started` (a clock that is not the loop's)."""
    answer = await request
    return answer, time.perf_counter() - started


async def test_a_hung_key_service_neither_stalls_the_bot_nor_hangs_the_token(
    secured_desk: Desk, login: FakeBotFrameworkLogin
):
    login.delay = 8.0  # the finding: 8 s per answer; botbuilder waited for it on the loop
    await secured_desk.start()
    token = login.mint(APP_ID, secured_desk.service_url)
    started = time.perf_counter()
    (message, message_s), (health, health_s) = await asyncio.gather(
        answered_after(started, delivered(secured_desk, "help", f"Bearer {token}")),
        answered_after(started, secured_desk.client.get("/healthz")),
    )
    assert health.status == 200
    assert health_s < 1.0, f"/healthz took {health_s:.1f} s"
    # No keys yet: the token is turned away as our outage, once the fetch has timed out.
    assert message.status == 503, message.body
    assert message_s < KEY_FETCH_TIMEOUT + 1.5
    assert message.sent == []
    # As soon as the key service answers again, so does the bot.
    login.delay = 0.0
    assert (await delivered(secured_desk, "help", f"Bearer {token}")).status == 201


async def test_when_the_key_service_fails_a_refresh_the_cached_keys_keep_serving(
    secured_desk: Desk, login: FakeBotFrameworkLogin
):
    await secured_desk.start()
    valid = f"Bearer {login.mint(APP_ID, secured_desk.service_url)}"
    assert (await delivered(secured_desk, "help", valid)).status == 201
    login.down = True
    asked = login.key_requests
    # A day later the keys are due for a refresh, and a token arrives signed by a key the bot
    # does not know: it asks the key service, which fails.
    freeze(secured_desk, datetime.now(UTC) + timedelta(days=1, minutes=1))
    unknown = login.mint(APP_ID, secured_desk.service_url, key=SigningKey())
    assert (await delivered(secured_desk, "help", f"Bearer {unknown}")).status == 401
    assert login.key_requests > asked
    # The keys it had still verify the channel's tokens.
    answer = await delivered(secured_desk, "help", valid)
    assert answer.status == 201, answer.body
    assert "Mary" in answer.card["body"][1]["text"]


async def test_a_token_from_a_newly_published_key_is_accepted_after_one_fetch(
    secured_desk: Desk, login: FakeBotFrameworkLogin
):
    await secured_desk.start()
    first = login.mint(APP_ID, secured_desk.service_url)
    assert (await delivered(secured_desk, "help", f"Bearer {first}")).status == 201
    # A minute later the channel rolls over to a key published since the bot fetched the keys.
    freeze(secured_desk, datetime.now(UTC) + timedelta(minutes=1))
    rolled = login.mint(APP_ID, secured_desk.service_url, key=login.publish(SigningKey()))
    answer = await delivered(secured_desk, "help", f"Bearer {rolled}")
    assert answer.status == 201, answer.body
    # Key ids nobody published do not send the bot to the key service each time.
    asked = login.key_requests
    for _ in range(3):
        forged = login.mint(APP_ID, secured_desk.service_url, key=SigningKey())
        assert (await delivered(secured_desk, "help", f"Bearer {forged}")).status == 401
    assert login.key_requests == asked
