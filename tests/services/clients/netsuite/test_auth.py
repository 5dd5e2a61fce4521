"""Token-based authentication: the RFC 5849 base string, and NetSuite's verdict on a signature."""

from __future__ import annotations

import time

import httpx
import pytest

from services.clients.netsuite import NetSuiteClient, NetSuiteRejected, netsuite_config
from services.clients.netsuite.auth import TokenSigner, base_string
from tests.harness.fake_netsuite import FakeNetSuite
from tests.harness.netsuite import add_customer, settings_values

# RFC 5849 section 3.4.1.1: the request, its oauth_* parameters and form body, and the base
# string the RFC gives for them (query and body parameters decoded, re-encoded, sorted).
RFC_URL = "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"
RFC_OAUTH = [
    ("oauth_consumer_key", "9djdj82h48djs9d2"),
    ("oauth_token", "kkk9d7dh3k39sjv7"),
    ("oauth_signature_method", "HMAC-SHA1"),
    ("oauth_timestamp", "137131201"),
    ("oauth_nonce", "7d8f3e4a"),
]
RFC_BODY = [("c2", ""), ("a3", "2 q")]
RFC_BASE_STRING = (
    "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
    "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2"
    "%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp"
    "%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"
)


def test_the_base_string_is_the_one_rfc_5849_gives_for_its_example():
    assert base_string("post", RFC_URL, RFC_OAUTH, RFC_BODY) == RFC_BASE_STRING


def test_the_query_is_signed_so_a_changed_limit_changes_the_base_string():
    first = base_string("POST", "https://x.example/q?limit=5&offset=0", RFC_OAUTH)
    second = base_string("POST", "https://x.example/q?limit=500&offset=0", RFC_OAUTH)
    assert first.startswith("POST&https%3A%2F%2Fx.example%2Fq&limit%3D5%26oauth_")
    assert first.endswith("%26offset%3D0")
    assert first != second


def signed_client(fake: FakeNetSuite, http: httpx.AsyncClient, **changes: str) -> NetSuiteClient:
    config = netsuite_config({**settings_values(fake), **changes})
    assert config is not None
    return NetSuiteClient(config, http)


async def test_netsuite_takes_a_signed_query_and_sees_its_realm_and_method(netsuite, http):
    add_customer(netsuite, "Acme Packaging")
    page = await signed_client(netsuite, http).suiteql("SELECT companyname FROM customer")
    assert [row["companyname"] for row in page.items] == ["Acme Packaging"]
    assert netsuite.refusals == []


@pytest.mark.parametrize(
    ("changes", "why"),
    [
        ({"NETSUITE_TOKEN_SECRET": "not-the-secret"}, "the signature does not match"),
        ({"NETSUITE_CONSUMER_SECRET": "not-the-secret"}, "the signature does not match"),
        ({"NETSUITE_TOKEN_ID": "someone-else"}, "unknown consumer key or token"),
        ({"NETSUITE_ACCOUNT_ID": "7654321"}, "realm '7654321' is not the account"),
    ],
)
async def test_wrong_credentials_get_netsuites_invalid_login(netsuite, http, changes, why):
    client = signed_client(netsuite, http, **changes)
    with pytest.raises(NetSuiteRejected) as refused:
        await client.suiteql("SELECT id FROM customer")
    assert (refused.value.status, refused.value.code) == (401, "INVALID_LOGIN")
    assert refused.value.title == "Unauthorized"
    assert netsuite.refusals == [why]


async def test_a_stale_timestamp_is_refused(netsuite, http):
    config = netsuite_config(settings_values(netsuite))
    assert config is not None
    an_hour_ago = TokenSigner(config, clock=lambda: time.time() - 3600)
    with pytest.raises(NetSuiteRejected, match="INVALID_LOGIN"):
        await NetSuiteClient(config, http, an_hour_ago).suiteql("SELECT id FROM customer")
    assert netsuite.refusals[0].startswith("stale or missing timestamp")


async def test_a_replayed_nonce_is_refused_and_each_request_gets_a_fresh_one(netsuite, http):
    config = netsuite_config(settings_values(netsuite))
    assert config is not None
    client = NetSuiteClient(config, http)
    for _ in range(3):
        await client.suiteql("SELECT id FROM customer")
    replaying = NetSuiteClient(config, http, TokenSigner(config, nonce=lambda: "same"))
    await replaying.suiteql("SELECT id FROM customer")
    with pytest.raises(NetSuiteRejected, match="INVALID_LOGIN"):
        await replaying.suiteql("SELECT id FROM customer")
    assert netsuite.refusals == ["missing or reused nonce"]


async def test_an_unsigned_request_is_refused(netsuite, http):
    answer = await http.post(
        f"{netsuite.url}/services/rest/query/v1/suiteql",
        json={"q": "SELECT id FROM customer"},
        headers={"Prefer": "transient"},
    )
    assert answer.status_code == 401
    assert answer.json()["o:errorDetails"][0]["o:errorCode"] == "INVALID_LOGIN"
