"""Who may scrape GET /metrics: with METRICS_TOKEN only its bearer; without one, nobody on a
deployment (authentication on: 404) unless METRICS_PUBLIC says so, and anyone on a local run.
/healthz and /readyz stay open whatever the settings."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest

from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.openid import FakeBotFrameworkLogin
from tests.harness.secured import trusting

TOKEN = "k3Jq-8vWn_2xYpL7sR4tZ0aB6cD9eF1gH5iJ"


@pytest.fixture
async def desks(
    settings: Settings, connector: FakeConnector, login: FakeBotFrameworkLogin, monkeypatch
) -> AsyncIterator[Callable]:
    """Start a desk with these metrics settings, locally or with authentication on."""
    started: list[Desk] = []

    async def start(*, auth: bool, **metrics: object) -> Desk:
        base = trusting(settings, login, monkeypatch) if auth else settings
        desk = Desk(base.model_copy(update=metrics), connector)
        await desk.start()
        started.append(desk)
        return desk

    yield start
    for desk in started:
        await desk.close()


async def scraped(desk: Desk, authorization: str | None = None) -> tuple[int, str, dict]:
    """GET /metrics with this Authorization header: status, body and headers."""
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = await desk.client.get("/metrics", headers=headers)
    return response.status, await response.text(), dict(response.headers)


async def assert_health_open(desk: Desk) -> None:
    """Liveness and readiness answer without any token."""
    assert (await desk.client.get("/healthz")).status == 200
    assert (await desk.client.get("/readyz")).status == 200


@pytest.mark.parametrize("auth", [False, True], ids=["local", "authentication on"])
async def test_with_a_token_the_scraper_bearing_it_gets_the_metrics(desks, auth: bool):
    desk = await desks(auth=auth, metrics_token=TOKEN)
    status, body, _ = await scraped(desk, f"Bearer {TOKEN}")
    assert status == 200
    assert "supportdesk_turns_total" in body
    # The scheme is case-insensitive (RFC 7235); the token is not.
    assert (await scraped(desk, f"bearer {TOKEN}"))[0] == 200
    await assert_health_open(desk)


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        f"Bearer {TOKEN[:-1]}",
        f"Bearer {TOKEN}x",
        f"Bearer {TOKEN.upper()}",
        f"Basic {TOKEN}",
        TOKEN,
        f"Bearer  {TOKEN}",
    ],
    ids=[
        "no header",
        "empty header",
        "scheme alone",
        "scheme and a space",
        "one character short",
        "one character more",
        "other case",
        "another scheme",
        "no scheme",
        "two spaces",
    ],
)
async def test_with_a_token_anything_else_is_a_bare_401(desks, authorization: str | None):
    desk = await desks(auth=False, metrics_token=TOKEN)
    status, body, headers = await scraped(desk, authorization)
    assert status == 401
    assert headers["WWW-Authenticate"] == 'Bearer realm="metrics"'
    assert body == ""  # nothing about what was wrong, and no counts
    await assert_health_open(desk)


async def test_a_refused_scrape_is_logged_without_the_token(desks, caplog):
    desk = await desks(auth=False, metrics_token=TOKEN)
    await scraped(desk, f"Bearer {TOKEN}x")
    refused = [r for r in caplog.records if getattr(r, "event", "") == "metrics_refused"]
    assert len(refused) == 1
    assert TOKEN not in caplog.text


async def test_on_a_deployment_without_a_token_metrics_is_a_404_like_any_unknown_path(desks):
    desk = await desks(auth=True)
    status, body, _ = await scraped(desk)
    unknown = await desk.client.get("/no-such-endpoint")
    assert status == 404
    assert body == await unknown.text()
    # A token offered changes nothing: there is none to match.
    assert (await scraped(desk, f"Bearer {TOKEN}"))[0] == 404
    await assert_health_open(desk)


async def test_metrics_public_opens_it_on_a_deployment_for_a_private_network_scrape(desks):
    desk = await desks(auth=True, metrics_public=True)
    status, body, _ = await scraped(desk)
    assert status == 200
    assert "supportdesk_turns_total" in body


async def test_on_a_local_run_without_a_token_anyone_on_loopback_scrapes(desks):
    desk = await desks(auth=False)
    status, body, _ = await scraped(desk)
    assert status == 200
    assert "supportdesk_turns_total" in body
    await assert_health_open(desk)
