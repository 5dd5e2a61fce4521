"""The Harvest client against the fake: an entry made and found again, and each way Harvest says
no as the error that tells its caller what to do."""

from __future__ import annotations

from datetime import date

import pytest

from services.clients.harvest import (
    ExternalReference,
    HarvestAuthFailed,
    HarvestClient,
    HarvestRateLimited,
    HarvestRejected,
    HarvestTransient,
    NewTimeEntry,
)
from tests.harness.fake_harvest import ENTRIES, FakeHarvest
from tests.harness.harvest import SUPPORT, SUPPORT_TASK

MONDAY = date(2026, 12, 7)


def entry(**changes) -> NewTimeEntry:
    values = {
        "project_id": SUPPORT,
        "task_id": SUPPORT_TASK,
        "spent_date": MONDAY,
        "hours": 0.75,
        "notes": "KD-1001 · call",
        "external_reference": ExternalReference("kinetic-time-1", "KD-1001"),
    }
    return NewTimeEntry(**(values | changes))


async def test_an_entry_is_made_and_found_again_by_its_reference(
    client: HarvestClient, harvest: FakeHarvest
):
    made = await client.create_time_entry(entry())

    assert (made.project_id, made.task_id, made.hours) == (SUPPORT, SUPPORT_TASK, 0.75)
    assert made.external_reference_id == "kinetic-time-1"
    [post] = harvest.calls("POST")
    assert post.body == {
        "project_id": SUPPORT,
        "task_id": SUPPORT_TASK,
        "spent_date": "2026-12-07",
        "hours": 0.75,
        "notes": "KD-1001 · call",
        "external_reference": {"id": "kinetic-time-1", "group_id": "KD-1001"},
    }
    found = await client.time_entries_for("kinetic-time-1", user_id=harvest.store.me, on=MONDAY)
    assert [e.id for e in found] == [made.id]
    assert await client.time_entries_for("kinetic-time-1", on=date(2026, 12, 8)) == []
    lookup = harvest.calls("GET")[0]
    assert (lookup.query["user_id"], lookup.query["from"], lookup.query["to"]) == (
        str(harvest.store.me),
        "2026-12-07",
        "2026-12-07",
    )


async def test_a_429_says_how_long_to_wait(client: HarvestClient, harvest: FakeHarvest):
    harvest.storm(1, retry_after=7)
    with pytest.raises(HarvestRateLimited) as limited:
        await client.create_time_entry(entry())
    assert limited.value.retry_after == 7
    assert harvest.store.entries == {}


async def test_harvest_down_or_hanging_up_is_transient(client: HarvestClient, harvest: FakeHarvest):
    harvest.down = True
    with pytest.raises(HarvestTransient, match="Harvest answered 503"):
        await client.create_time_entry(entry())
    harvest.down = False
    harvest.lose_next("POST", ENTRIES)
    with pytest.raises(HarvestTransient, match="unreachable"):
        await client.create_time_entry(entry())
    assert len(harvest.store.entries) == 1  # made, though the client never heard


async def test_a_refusal_carries_harvests_own_words(client: HarvestClient):
    with pytest.raises(HarvestRejected) as refused:
        await client.create_time_entry(entry(project_id=1))
    assert refused.value.status == 422
    assert refused.value.reason == "Project can't be blank or is not a project of this account"


async def test_a_wrong_token_says_which_settings_to_fix(
    client: HarvestClient, harvest: FakeHarvest
):
    harvest.token = "rotated-since"
    with pytest.raises(HarvestAuthFailed, match="check HARVEST_TOKEN and HARVEST_ACCOUNT_ID"):
        await client.create_time_entry(entry())
