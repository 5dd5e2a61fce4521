"""The fake keeps NetSuite's rules, so a client that breaks one fails here as it would there."""

from __future__ import annotations

import pytest

from services.clients.netsuite import NetSuiteRejected, NetSuiteUnavailable
from services.clients.netsuite.api import NetSuiteApi
from tests.harness.netsuite import add_customer, add_machine, add_sales_order

SUITEQL = "/services/rest/query/v1/suiteql"


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM customer",
        "SELECT id FROM customer LIMIT 5",
        "SELECT id FROM customer; DROP TABLE customer",
        "SELECT id FROM nowhere",
    ],
)
async def test_suiteql_runs_one_select_and_nothing_else(client, query):
    with pytest.raises(NetSuiteRejected) as refused:
        await client.suiteql(query)
    assert (refused.value.status, refused.value.code) == (400, "INVALID_PARAMETER")


async def test_a_string_holding_a_keyword_is_only_a_string(netsuite, client):
    add_customer(netsuite, "Limit Delete Inc")
    page = await client.suiteql(
        "SELECT companyname FROM customer WHERE companyname = 'Limit Delete Inc'"
    )
    assert [r["companyname"] for r in page.items] == ["Limit Delete Inc"]


async def test_suiteql_wants_prefer_transient_and_a_page_netsuite_allows(netsuite, http, client):
    api = NetSuiteApi(client.config, http)
    for params, headers in [
        ({"limit": 5}, {}),
        ({"limit": 1001}, {"Prefer": "transient"}),
        ({"limit": 5, "offset": -1}, {"Prefer": "transient"}),
        ({"limit": 5, "sort": "id"}, {"Prefer": "transient"}),
    ]:
        with pytest.raises(NetSuiteRejected) as refused:
            await api.call(
                "POST",
                SUITEQL,
                params=params,
                body={"q": "SELECT id FROM customer"},
                headers=headers,
            )
        assert refused.value.status == 400


async def test_numbers_and_dates_come_back_as_netsuite_writes_them(netsuite, client):
    acme = add_customer(netsuite, "Acme Foods")
    add_machine(netsuite, "SN-1", acme, installed="2023-02-01")
    add_sales_order(
        netsuite, "SO-1", acme, "B", ordered="2026-03-02", modified="2026-03-09T15:30:00"
    )
    [machine] = (
        await client.suiteql(
            "SELECT m.custrecord_bp_install_date AS raw,"
            " TO_CHAR(m.custrecord_bp_install_date, 'YYYY-MM-DD') AS iso,"
            " m.custrecord_bp_customer AS customer FROM customrecord_bp_machine m"
        )
    ).items
    [order] = (
        await client.suiteql(
            "SELECT t.status, t.trandate, t.lastmodifieddate, t.entity FROM transaction t"
            " WHERE t.type = 'SalesOrd'"
        )
    ).items
    assert machine == {"raw": "2/1/2023", "iso": "2023-02-01", "customer": acme}
    assert order == {
        "status": "B",
        "trandate": "3/2/2026",
        "lastmodifieddate": "3/9/2026 3:30 pm",
        "entity": acme,
    }


async def test_like_is_case_sensitive_as_oracles_is(netsuite, client):
    add_customer(netsuite, "Acme Foods")
    exact = await client.suiteql("SELECT id FROM customer WHERE companyname LIKE 'acme%'")
    folded = await client.suiteql("SELECT id FROM customer WHERE UPPER(companyname) LIKE 'ACME%'")
    assert (len(exact.items), len(folded.items)) == (0, 1)


async def test_a_lost_answer_was_still_applied(netsuite, client):
    netsuite.lose_next("PUT", r"/services/rest/record/v1/job/eid:.*")
    with pytest.raises(NetSuiteUnavailable, match="unreachable"):
        await client.upsert_record("job", "bp-sr-7", {"companyName": "Visit"})
    found = await client.find_by_external_id("job", "bp-sr-7")
    assert found is not None and found["companyName"] == "Visit"
    assert [r.status for r in netsuite.requests] == [None, 200]
