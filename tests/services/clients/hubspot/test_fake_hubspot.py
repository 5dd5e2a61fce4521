"""The fake answers as HubSpot documents it, asked directly (no client): so that a client test
passing against it means something."""

from __future__ import annotations

import httpx
import pytest

from tests.harness.fake_hubspot import API_TOKEN

SEARCH = "/crm/v3/objects/companies/search"
EQ = {"propertyName": "name", "operator": "EQ", "value": "Acme Packaging"}


@pytest.fixture
async def raw(hubspot):
    """Plain HTTP to the fake, with the account's token."""
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    async with httpx.AsyncClient(base_url=hubspot.url, headers=headers) as http:
        yield http


async def test_a_request_without_the_token_gets_hubspots_401(hubspot):
    async with httpx.AsyncClient(base_url=hubspot.url) as http:
        answer = await http.get("/crm/v3/owners/1")

    body = answer.json()
    assert answer.status_code == 401
    assert (body["status"], body["category"]) == ("error", "INVALID_AUTHENTICATION")
    assert body["message"].startswith("Authentication credentials not found.")
    assert body["correlationId"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"filterGroups": [{"filters": [EQ]}] * 6}, "filter groups"),
        ({"filterGroups": [{"filters": [EQ] * 11}]}, "Too many filters"),
        ({"filterGroups": [{"filters": [EQ] * 9}] * 3}, "Too many filters"),
        ({"filterGroups": [{"filters": [EQ | {"operator": "LIKE"}]}]}, "Invalid operator"),
        ({"filterGroups": [{"filters": [{"propertyName": "name", "operator": "IN"}]}]}, "values"),
        ({"limit": 201}, "limit"),
        ({"limit": 0}, "limit"),
        ({"properties": ["name", 7]}, "properties"),
        ({"after": "next-page"}, "after"),
        ({"after": "9995", "limit": 10}, "10000"),
        ({"filter": [EQ]}, "Unrecognized field"),
        ({"query": "x" * 3001}, "3000"),
    ],
)
async def test_a_search_body_hubspot_would_refuse_gets_400_validation_error(
    raw, world, body, words
):
    answer = await raw.post(SEARCH, json=body)

    assert answer.status_code == 400
    assert answer.json()["category"] == "VALIDATION_ERROR"
    assert words in answer.json()["message"]


async def test_a_search_within_the_documented_limits_runs(raw, world):
    body = {"filterGroups": [{"filters": [EQ] * 5}] * 5, "limit": 200}

    answer = await raw.post(SEARCH, json=body)

    assert answer.status_code == 200 and answer.json()["total"] == 1


async def test_values_are_strings_and_records_carry_their_times(raw, world):
    answer = await raw.post(SEARCH, json={"filterGroups": [{"filters": [EQ]}]})

    [acme] = answer.json()["results"]
    assert set(acme) >= {"id", "properties", "createdAt", "updatedAt", "archived"}
    assert acme["properties"]["hs_object_id"] == acme["id"] == world.acme
    # Asked for nothing, a search returns the company defaults.
    assert set(acme["properties"]) == {
        "name", "domain", "createdate", "hs_lastmodifieddate", "hs_object_id",
    }  # fmt: skip
    assert all(isinstance(v, str) for v in acme["properties"].values())


async def test_in_wants_lowercase_values_as_documented(raw, world):
    upper = {"propertyName": "name", "operator": "IN", "values": ["Acme Packaging"]}
    lower = upper | {"values": ["acme packaging"]}

    miss = await raw.post(SEARCH, json={"filterGroups": [{"filters": [upper]}]})
    hit = await raw.post(SEARCH, json={"filterGroups": [{"filters": [lower]}]})

    assert (miss.json()["total"], hit.json()["total"]) == (0, 1)


async def test_associations_come_in_the_v4_shape(raw, world):
    answer = await raw.get(f"/crm/v4/objects/companies/{world.acme}/associations/deals")

    first = answer.json()["results"][0]
    assert first["toObjectId"] == int(world.open_deal)
    assert {"category": "HUBSPOT_DEFINED", "typeId": 342, "label": None} in first[
        "associationTypes"
    ]


async def test_the_burst_limit_answers_429_with_its_body_and_headers(hubspot, raw, world):
    hubspot.ten_secondly, hubspot.burst_window = 2, 60.0  # a window no slow run outlasts

    answers = [await raw.get(f"/crm/v3/objects/companies/{world.acme}") for _ in range(3)]

    refused = answers[-1]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert refused.json()["policyName"] == "TEN_SECONDLY_ROLLING"
    assert refused.json()["errorType"] == "RATE_LIMIT"
    assert refused.headers["X-HubSpot-RateLimit-Remaining"] == "0"
    assert refused.headers["X-HubSpot-RateLimit-Interval-Milliseconds"] == "60000"
    assert "Retry-After" not in refused.headers


async def test_searches_count_against_their_own_limit_not_the_burst_one(hubspot, raw, world):
    hubspot.ten_secondly, hubspot.search_window = 1, 60.0
    body = {"filterGroups": [{"filters": [EQ]}]}

    answers = [await raw.post(SEARCH, json=body) for _ in range(5)]

    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    assert answers[-1].json()["message"] == "You have reached your secondly limit."
    assert "X-HubSpot-RateLimit-Interval-Milliseconds" not in answers[-1].headers
