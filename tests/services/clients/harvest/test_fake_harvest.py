"""The fake Harvest answers as Harvest's API v2 reference says: headers checked, entries made and
listed, refusals in Harvest's error shapes, 100 requests per 15 seconds."""

from __future__ import annotations

import aiohttp
import pytest

from tests.harness.fake_harvest import ACCOUNT_ID, ENTRIES, TOKEN, USER_AGENT, FakeHarvest
from tests.harness.harvest import SUPPORT, SUPPORT_TASK

HEADERS = {
    "Authorization": f"Bearer {TOKEN}",
    "Harvest-Account-Id": ACCOUNT_ID,
    "User-Agent": USER_AGENT,
}
ENTRY = {"project_id": SUPPORT, "task_id": SUPPORT_TASK, "spent_date": "2026-12-07", "hours": 0.75}


async def call(fake: FakeHarvest, method: str, headers: dict, body=None, params=None):
    """One request as any HTTP client would send it; (status, headers, JSON body)."""
    # No User-Agent of aiohttp's own: the test says which one, if any, is sent.
    async with (
        aiohttp.ClientSession(skip_auto_headers=["User-Agent"]) as session,
        session.request(method, fake.url + ENTRIES, headers=headers, json=body, params=params) as r,
    ):
        return r.status, r.headers, await r.json(content_type=None)


async def test_an_entry_is_made_with_201_and_listed_by_its_external_reference(
    harvest: FakeHarvest,
):
    body = {**ENTRY, "notes": "call", "external_reference": {"id": "kinetic-time-1"}}
    status, _, made = await call(harvest, "POST", HEADERS, body)
    assert status == 201
    assert (made["project"]["id"], made["task"]["id"]) == (SUPPORT, SUPPORT_TASK)
    assert made["hours"] == 0.75
    assert (made["user"]["id"], made["is_running"]) == (harvest.store.me, False)

    query = {"external_reference_id": "kinetic-time-1"}
    status, _, page = await call(harvest, "GET", HEADERS, params=query)
    assert status == 200
    assert [e["id"] for e in page["time_entries"]] == [made["id"]]
    assert (page["total_entries"], page["next_page"]) == (1, None)
    _, _, other = await call(harvest, "GET", HEADERS, params={"external_reference_id": "x"})
    assert other["time_entries"] == []


async def test_a_request_without_a_user_agent_is_a_400(harvest: FakeHarvest):
    without = {k: v for k, v in HEADERS.items() if k != "User-Agent"}
    status, _, _ = await call(harvest, "POST", without, ENTRY)
    assert status == 400
    assert harvest.store.entries == {}


@pytest.mark.parametrize(
    "headers",
    [
        {"User-Agent": USER_AGENT},
        {**HEADERS, "Authorization": "Bearer someone-elses-token"},
        {**HEADERS, "Harvest-Account-Id": "999999"},
        {k: v for k, v in HEADERS.items() if k != "Harvest-Account-Id"},
    ],
    ids=["no token", "wrong token", "wrong account", "no account"],
)
async def test_without_the_accounts_token_and_id_it_is_a_401(harvest: FakeHarvest, headers):
    status, _, body = await call(harvest, "POST", headers, ENTRY)
    assert (status, body["error"]) == (401, "invalid_token")
    assert harvest.store.entries == {}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"project_id": 1}, "Project can't be blank or is not a project of this account"),
        ({"task_id": 2}, "Task is not assigned to the project Support"),
        ({"spent_date": "yesterday"}, "Spent date can't be blank or is not a date"),
        ({"user_id": 42}, "User is not a member of this account"),
    ],
)
async def test_an_entry_harvest_will_not_take_is_a_422_with_its_message(
    harvest: FakeHarvest, change, message
):
    status, _, body = await call(harvest, "POST", HEADERS, {**ENTRY, **change})
    assert (status, body["message"]) == (422, message)


async def test_past_100_requests_in_15_seconds_it_answers_429_until_the_window_moves():
    now = [1_000.0]
    fake = FakeHarvest(clock=lambda: now[0])
    await fake.start()
    try:
        for _ in range(100):
            assert (await call(fake, "GET", HEADERS))[0] == 200
        now[0] += 10
        status, headers, _ = await call(fake, "GET", HEADERS)
        assert (status, headers["Retry-After"]) == (429, "5")
        now[0] += 5
        assert (await call(fake, "GET", HEADERS))[0] == 200
    finally:
        await fake.close()
