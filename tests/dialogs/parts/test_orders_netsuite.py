"""`parts status` with NetSuite as the order system: a sales order's status is NetSuite's, the
card links to it, and when NetSuite does not answer the desk says so and shows its own record."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.parts import Quote, QuoteLine
from tests.harness.cards import facts, texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.domain import MONDAY_9AM
from tests.harness.fake_netsuite import FakeNetSuite
from tests.harness.netsuite import add_customer, add_sales_order, on_netsuite
from tests.harness.parts import QUOTE, ask
from tests.harness.tickets import buttons, replied_card, services, ticket_for, timeline_lines

SUITEQL = "/services/rest/query/v1/suiteql"
SALES_ORDER_PAGE = "https://1234567-sb1.app.netsuite.com/app/accounting/transactions/salesord.nl"


@pytest.fixture
async def netsuite() -> AsyncIterator[FakeNetSuite]:
    fake = FakeNetSuite()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def desk(settings, connector: FakeConnector, netsuite: FakeNetSuite) -> AsyncIterator[Desk]:
    """The bot with the fake as NetSuite; bestpack.toml reads orders from NetSuite."""
    running = Desk(on_netsuite(settings, netsuite), connector)
    await running.start()
    yield running
    await running.close()


async def ordered_here(desk: Desk) -> None:
    """Quote Q-77, ordered through the desk: the local order SO-1001."""
    orders = services(desk).orders
    await orders.record_quote(
        Quote("Q-77", (QuoteLine("NC-88", 1, 990_000),), "6 weeks"), MONDAY_9AM
    )
    await orders.place_order("Q-77", MONDAY_9AM)


async def test_mary_asks_about_a_sales_order_only_netsuite_has(desk, netsuite):
    acme = add_customer(netsuite, "Acme Foods")
    order_id = add_sales_order(netsuite, "SO-4711", acme, "B", ordered="2026-03-02")

    card = (await desk.user("Mary").says("parts status so-4711")).card

    assert texts(card)[0] == "Order SO-4711 · Pending Fulfillment"
    assert facts(card) == {
        "Status": "Pending Fulfillment",
        "Order number": "SO-4711",
        "Ordered on": "Mon 02 Mar 2026",
    }
    [link] = card["actions"]
    assert (link["type"], link["title"]) == ("Action.OpenUrl", "Open in NetSuite")
    assert link["url"] == f"{SALES_ORDER_PAGE}?id={order_id}"
    [query] = netsuite.calls("POST", SUITEQL)
    assert "t.type = 'SalesOrd'" in query.body["q"] and "UPPER('so-4711')" in query.body["q"]


async def test_the_parts_owner_gets_no_moves_on_it_and_is_told_where_it_moves(desk, netsuite):
    add_sales_order(netsuite, "SO-4711", add_customer(netsuite, "Acme Foods"), "B")
    ezechiel = desk.user("Ezechiel")

    looked_up = (await ezechiel.says("parts status SO-4711")).card
    moved = await ezechiel.says("parts update SO-4711 shipped")

    assert buttons(looked_up) == ["Open in NetSuite"]
    assert moved.texts == [
        "SO-4711 is a NetSuite sales order (Pending Fulfillment); its fulfilment is recorded "
        "in NetSuite, not here."
    ]


async def test_a_desk_order_shows_netsuites_status_beside_the_desks(desk, netsuite):
    await ordered_here(desk)
    add_sales_order(netsuite, "SO-1001", add_customer(netsuite, "Acme Foods"), "E")

    card = (await desk.user("Kevin").says("parts status SO-1001")).card

    assert texts(card)[0] == "Order SO-1001 · Pending Billing/Partially Fulfilled"
    assert facts(card)["Status"] == "Ordered"
    assert facts(card)["In NetSuite"] == "Pending Billing/Partially Fulfilled"
    assert facts(card)["Quote number"] == "Q-77"
    assert buttons(card)[0] == "Open in NetSuite"


async def test_a_quote_not_ordered_yet_is_not_asked_of_netsuite(desk, netsuite):
    await services(desk).orders.record_quote(
        Quote("Q-78", (QuoteLine("NC-88", 1, 100),), "1 week"), MONDAY_9AM
    )
    card = (await desk.user("Kevin").says("parts status Q-78")).card
    assert texts(card)[0] == "Quote Q-78 · Quoted, not ordered yet"
    assert netsuite.requests == []


async def test_netsuite_down_shows_the_desks_record_and_says_netsuite_did_not_answer(
    desk, netsuite
):
    await ordered_here(desk)
    netsuite.down = True

    card = (await desk.user("Kevin").says("parts status SO-1001")).card

    assert texts(card)[:2] == [
        "Order SO-1001 · Ordered",
        "NetSuite did not answer; this is the desk's own record of the order.",
    ]
    assert facts(card)["Status"] == "Ordered" and "In NetSuite" not in facts(card)


async def test_netsuite_down_and_no_record_here_says_so_instead_of_no_such_order(desk, netsuite):
    netsuite.down = True
    answer = await desk.user("Kevin").says("parts status SO-4711")
    assert answer.texts == [
        "NetSuite did not answer, and the desk has no record of SO-4711. "
        "Try again in a few minutes."
    ]


async def test_an_order_neither_has_is_unknown(desk, netsuite):
    answer = await desk.user("Kevin").says("parts status SO-9999")
    assert answer.texts == ["The order system has no order or quote SO-9999."]
    assert len(netsuite.calls("POST", SUITEQL)) == 1


async def test_the_parts_forms_order_status_reads_netsuite_and_notes_it_on_the_ticket(
    desk, netsuite
):
    add_sales_order(netsuite, "SO-4711", add_customer(netsuite, "Acme Foods"), "F")
    await ticket_for(desk, "jordan")
    form = {**QUOTE, "request_type": "order_status", "part_number": "", "serial_number": ""}

    answer = await ask(
        desk.user("Jordan"), {**form, "order_reference": "SO-4711", "ticket": "BP-1001"}
    )

    assert texts(replied_card(answer))[0] == "Order SO-4711 · Pending Billing"
    assert (await timeline_lines(desk, "BP-1001"))[-1].endswith(
        "Order SO-4711: Pending Billing in NetSuite."
    )
