"""The URI a HubSpot signature covers is the one HubSpot posted to, also behind a TLS proxy."""

from __future__ import annotations

from aiohttp.test_utils import make_mocked_request

from bot.hubspot_webhook import public_uri


def test_straight_to_the_bot_the_uri_is_the_requests_own():
    request = make_mocked_request(
        "POST", "/api/webhooks/hubspot?portal=1", headers={"Host": "127.0.0.1:3978"}
    )

    assert public_uri(request) == "http://127.0.0.1:3978/api/webhooks/hubspot?portal=1"


def test_behind_a_proxy_the_forwarded_scheme_and_host_are_the_ones_hubspot_used():
    headers = {
        "Host": "10.0.0.7:3978",
        "X-Forwarded-Proto": "https, http",
        "X-Forwarded-Host": "desk.kinetic.example",
    }
    request = make_mocked_request("POST", "/api/webhooks/hubspot", headers=headers)

    assert public_uri(request) == "https://desk.kinetic.example/api/webhooks/hubspot"


def test_a_proxy_that_keeps_the_host_only_forwards_the_scheme():
    headers = {"Host": "desk.kinetic.example", "X-Forwarded-Proto": "https"}
    request = make_mocked_request("POST", "/api/webhooks/hubspot", headers=headers)

    assert public_uri(request) == "https://desk.kinetic.example/api/webhooks/hubspot"
