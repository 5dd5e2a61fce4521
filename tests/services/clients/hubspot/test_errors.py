"""Every failure reaches the caller as what to do about it: wait, try later, fix the token, or
give up with HubSpot's own reason."""

from __future__ import annotations

import logging

import httpx
import pytest

from services.clients.hubspot import (
    HubSpotRateLimited,
    HubSpotRefused,
    HubSpotRejected,
    HubSpotUnavailable,
)
from services.clients.hubspot.errors import classify
from tests.harness.fake_hubspot_client import client_of

WRONG_TOKEN = "pat-na1-revoked-0000-0000-0000-000000000000"


def answer(status: int, body: dict | None = None, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body or {}, headers=headers)


async def test_a_wrong_token_is_refused_in_words_and_never_logged(hubspot, world, http, caplog):
    client = client_of(hubspot, http, token=WRONG_TOKEN)
    caplog.set_level(logging.DEBUG)

    with pytest.raises(HubSpotRefused, match="HUBSPOT_ACCESS_TOKEN is wrong, revoked or rotated"):
        await client.company(world.acme)

    assert hubspot.requests[0].status == 401
    assert WRONG_TOKEN not in caplog.text


def test_a_token_without_a_scope_is_refused_saying_so():
    refused = classify(
        answer(
            403,
            {
                "status": "error",
                "message": "This app hasn't been granted all required scopes to make this call.",
                "category": "MISSING_SCOPES",
                "correlationId": "c0ffee00-0000-4000-8000-000000000000",
            },
        )
    )

    assert isinstance(refused, HubSpotRefused)
    assert "403 MISSING_SCOPES" in str(refused) and "required scopes" in str(refused)


async def test_hubspot_down_is_unavailable(hubspot, world, client):
    hubspot.down = True

    with pytest.raises(HubSpotUnavailable, match="503"):
        await client.company(world.acme)


async def test_a_slow_hubspot_is_unavailable(hubspot, world, client):
    hubspot.latency = 1.5  # the shared client gives up after 1 s

    with pytest.raises(HubSpotUnavailable, match="in time"):
        await client.company(world.acme)


async def test_a_hubspot_that_is_not_there_is_unavailable(hubspot, world, client):
    await hubspot.close()

    with pytest.raises(HubSpotUnavailable, match="unreachable"):
        await client.company(world.acme)


def test_another_4xx_is_rejected_with_hubspots_category_and_words():
    rejected = classify(
        answer(
            400,
            {
                "status": "error",
                "message": "",
                "category": "VALIDATION_ERROR",
                "errors": [{"message": 'Property "nmae" does not exist', "code": "INVALID"}],
            },
        )
    )

    assert isinstance(rejected, HubSpotRejected)
    assert (rejected.status, rejected.category) == (400, "VALIDATION_ERROR")
    assert rejected.reason == 'Property "nmae" does not exist'


@pytest.mark.parametrize(
    ("policy", "headers", "wait"),
    [
        ("TEN_SECONDLY_ROLLING", {"Retry-After": "3"}, 3.0),
        ("TEN_SECONDLY_ROLLING", {"X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}, 10.0),
        ("SECONDLY", {}, 1.0),
        ("DAILY", {"X-HubSpot-RateLimit-Interval-Milliseconds": "10000"}, 3600.0),
        ("", {}, 10.0),
    ],
)
def test_a_429_says_how_long_to_wait(policy, headers, wait):
    body = {"status": "error", "errorType": "RATE_LIMIT", "policyName": policy} if policy else {}
    limited = classify(answer(429, body, **headers))

    assert isinstance(limited, HubSpotRateLimited)
    assert (limited.retry_after, limited.policy) == (wait, policy)


def test_an_older_429_without_a_policy_still_waits():
    older = {
        "status": "error",
        "message": "You have reached your secondly limit.",
        "category": "RATE_LIMITS",
    }
    limited = classify(answer(429, older))

    assert isinstance(limited, HubSpotRateLimited) and limited.retry_after > 0
