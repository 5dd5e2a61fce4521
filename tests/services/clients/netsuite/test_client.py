"""The client against the fake: SuiteQL paging, records written and read, and every failure."""

from __future__ import annotations

import pytest

from services.clients.netsuite import (
    NetSuiteRateLimited,
    NetSuiteRejected,
    NetSuiteUnavailable,
)
from tests.harness.netsuite import add_customer

CUSTOMERS = "SELECT id, companyname FROM customer ORDER BY companyname"


async def test_suiteql_sends_prefer_transient_and_pages_by_limit_and_offset(netsuite, client):
    for n in range(5):
        add_customer(netsuite, f"Customer {n}")

    first = await client.suiteql(CUSTOMERS, limit=2)
    last = await client.suiteql(CUSTOMERS, limit=2, offset=4)

    assert [r["companyname"] for r in first.items] == ["Customer 0", "Customer 1"]
    assert (first.has_more, first.total, first.offset) == (True, 5, 0)
    assert [r["companyname"] for r in last.items] == ["Customer 4"]
    assert (last.has_more, last.offset) == (False, 4)
    [call, _] = netsuite.calls("POST", "/services/rest/query/v1/suiteql")
    assert (call.query, call.body) == ({"limit": "2", "offset": "0"}, {"q": CUSTOMERS})


async def test_values_come_back_as_strings_and_nulls_as_missing(netsuite, client):
    add_customer(netsuite, "Acme Packaging")
    [row] = (await client.suiteql("SELECT id, companyname, email FROM customer")).items
    assert row["id"].isdigit()  # a number, as text
    assert "email" not in row and "links" not in row


async def test_suiteql_rows_reads_every_page_but_never_more_than_asked(netsuite, client):
    for n in range(7):
        add_customer(netsuite, f"Customer {n}")
    every = await client.suiteql_rows(CUSTOMERS, max_rows=100, page_size=3)
    bounded = await client.suiteql_rows(CUSTOMERS, max_rows=4, page_size=3)
    assert [r["companyname"] for r in every] == [f"Customer {n}" for n in range(7)]
    assert len(bounded) == 4
    offsets = [c.query["offset"] for c in netsuite.calls("POST", "/services/rest/query/v1/suiteql")]
    assert offsets == ["0", "3", "6", "0", "3"]


async def test_a_query_netsuite_cannot_run_is_rejected_in_its_words(client):
    with pytest.raises(NetSuiteRejected) as refused:
        await client.suiteql("SELECT nothing FROM nowhere")
    assert (refused.value.status, refused.value.code) == (400, "INVALID_PARAMETER")
    assert "Invalid search query" in refused.value.detail


async def test_create_reads_the_new_id_from_location_and_get_reads_it_back(client):
    new_id = await client.create_record("job", {"companyName": "Service visit"})
    record = await client.get_record("job", new_id, ["companyName", "entityId"])
    assert record["companyName"] == "Service visit"
    assert record["entityId"].startswith("PRJ")
    assert "id" not in record  # only the fields asked for


async def test_upsert_by_external_id_twice_makes_one_record(netsuite, client):
    first = await client.upsert_record("job", "bp-sr-1001", {"companyName": "Visit"})
    again = await client.upsert_record("job", "bp-sr-1001", {"companyName": "Visit, moved"})
    assert first == again
    found = await client.find_by_external_id("job", "bp-sr-1001")
    assert found is not None and found["companyName"] == "Visit, moved"
    assert [key for key in netsuite.store.records if key[0] == "job"] == [("job", first)]
    [put, _] = netsuite.calls("PUT", "/services/rest/record/v1/job/eid:bp-sr-1001")
    assert put.body == {"companyName": "Visit"}


async def test_a_missing_record_is_none_by_external_id_and_rejected_by_id(client):
    assert await client.find_by_external_id("job", "never-made") is None
    with pytest.raises(NetSuiteRejected) as refused:
        await client.get_record("job", "99999")
    assert (refused.value.status, refused.value.code) == (404, "NONEXISTENT_ID")


@pytest.mark.parametrize("external_id", ["has space", "semi;colon", "a/b", "", "x" * 101])
async def test_an_external_id_netsuite_would_misread_is_refused_before_sending(
    netsuite, client, external_id
):
    with pytest.raises(ValueError):
        await client.upsert_record("job", external_id, {})
    assert netsuite.requests == []


async def test_a_down_netsuite_is_unavailable(netsuite, client):
    netsuite.down = True
    with pytest.raises(NetSuiteUnavailable, match="503"):
        await client.suiteql(CUSTOMERS)


async def test_a_look_up_gives_up_after_its_own_short_timeout(netsuite, client):
    netsuite.hang = True
    with pytest.raises(NetSuiteUnavailable, match="in time"):
        await client.suiteql(CUSTOMERS, timeout=0.2)


async def test_nothing_listening_is_unavailable(netsuite, client):
    await netsuite.close()
    with pytest.raises(NetSuiteUnavailable, match="unreachable"):
        await client.get_record("job", "1")


async def test_the_concurrency_limit_is_rate_limited_with_netsuites_wait(netsuite, client):
    netsuite.storm(2, retry_after=3)
    with pytest.raises(NetSuiteRateLimited) as first:
        await client.create_record("job", {"companyName": "Visit"})
    with pytest.raises(NetSuiteRateLimited):
        await client.create_record("job", {"companyName": "Visit"})
    assert first.value.retry_after == 3.0
    assert await client.create_record("job", {"companyName": "Visit"})  # the storm is over
