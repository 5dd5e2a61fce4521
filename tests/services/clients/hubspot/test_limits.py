"""HubSpot's limits: searches paced to their per-second limit, the ten-secondly burst limit's
429 waited out as HubSpot says, a 429 storm ridden out with nothing lost, and a caller that
cannot wait told so instead of kept waiting."""

from __future__ import annotations

import asyncio

import pytest

from services.clients.hubspot import HubSpotClient, HubSpotRateLimited, Pace
from services.delivery.limiter import Window
from tests.harness.fake_hubspot_client import client_of, config_of

SEARCH = "/crm/v3/objects/companies/search"


async def test_searches_are_paced_so_hubspot_refuses_none(hubspot, world, http):
    client = client_of(hubspot, http)  # paced to the fake's 4 searches a window
    names = [f"Acme {n}" for n in range(12)]

    await asyncio.gather(*(client.companies_named(n) for n in names))

    assert len(hubspot.calls("POST", SEARCH)) == 12
    assert hubspot.answered(429) == []


async def test_unpaced_searches_meet_hubspots_secondly_limit(hubspot, world, http):
    hubspot.search_window = 5.0  # four searches in five seconds: no slow run gets past it
    unpaced = HubSpotClient(config_of(hubspot), http, Pace(search=Window(100, 0.2), patience=0.0))

    outcomes = await asyncio.gather(
        *(unpaced.companies_named(f"Acme {n}") for n in range(8)), return_exceptions=True
    )

    refused = [o for o in outcomes if isinstance(o, HubSpotRateLimited)]
    assert refused and all(r.policy == "SECONDLY" for r in refused)


async def test_the_same_search_asked_at_once_is_sent_once(hubspot, world, client):
    answers = await asyncio.gather(*(client.companies_named("Acme Pack") for _ in range(3)))

    assert len(hubspot.calls("POST", SEARCH)) == 1
    assert answers[0] == answers[1] == answers[2] != []


async def test_a_search_that_would_wait_past_its_patience_gives_up_without_asking(
    hubspot, world, http
):
    hubspot.search_per_second, hubspot.search_window = 1, 5.0
    client = client_of(hubspot, http)
    await client.companies_named("Acme")

    with pytest.raises(HubSpotRateLimited) as stale:
        await client.companies_named("Acme P", patience=0.1)

    assert stale.value.retry_after > 0.1
    assert len(hubspot.calls("POST", SEARCH)) == 1


async def test_the_burst_limits_429_is_waited_out_as_its_headers_say(hubspot, world, http):
    # Two reads a rolling half second, said in X-HubSpot-RateLimit-* (no Retry-After).
    hubspot.ten_secondly, hubspot.burst_window = 2, 0.5
    client = client_of(hubspot, http)

    read = [await client.company(world.acme) for _ in range(5)]

    assert all(company is not None and company.id == world.acme for company in read)
    assert hubspot.answered(429), "the fake should have refused some reads"
    assert len(hubspot.answered(200)) == 5


async def test_a_429_storm_is_answered_after_retry_after_with_nothing_lost(hubspot, world, client):
    hubspot.storm(3, retry_after=0.05)

    company = await client.company(world.acme)

    assert company is not None and company.get("name") == "Acme Packaging"
    assert [r.status for r in hubspot.requests] == [429, 429, 429, 200]


async def test_a_search_storm_is_ridden_out_too(hubspot, world, client):
    hubspot.storm(2, retry_after=0.05, policy="SECONDLY")

    found = await client.companies_named("Acme Packaging", prefix=False)

    assert [c.id for c in found] == [world.acme, world.acme_west]
    assert [r.status for r in hubspot.requests] == [429, 429, 200]


async def test_a_storm_longer_than_the_callers_patience_says_how_long_to_wait(hubspot, world, http):
    client = client_of(hubspot, http, patience=0.2)
    hubspot.storm(1, retry_after=30)

    with pytest.raises(HubSpotRateLimited) as limited:
        await client.company(world.acme)

    assert (limited.value.retry_after, limited.value.policy) == (30, "TEN_SECONDLY_ROLLING")
    assert len(hubspot.requests) == 1


async def test_the_burst_limit_holds_back_records_but_not_searches(hubspot, world, http):
    client = client_of(hubspot, http, patience=0.2)
    hubspot.storm(1, retry_after=30)
    with pytest.raises(HubSpotRateLimited):
        await client.company(world.acme)

    with pytest.raises(HubSpotRateLimited) as held:
        await client.owner(world.dana)  # held back here: HubSpot is not asked again
    found = await client.companies_named("Acme Packaging", prefix=False)

    assert held.value.policy == "TEN_SECONDLY_ROLLING"
    assert found and [r.path for r in hubspot.requests] == [
        f"/crm/v3/objects/companies/{world.acme}",
        SEARCH,
    ]


async def test_the_daily_limit_holds_back_every_call(hubspot, world, http):
    client = client_of(hubspot, http, patience=0.2)
    hubspot.storm(1, retry_after=None, policy="DAILY")

    with pytest.raises(HubSpotRateLimited) as limited:
        await client.company(world.acme)
    with pytest.raises(HubSpotRateLimited) as held:
        await client.companies_named("Acme")

    assert limited.value.policy == held.value.policy == "DAILY"
    assert limited.value.retry_after >= 60
    assert len(hubspot.requests) == 1
