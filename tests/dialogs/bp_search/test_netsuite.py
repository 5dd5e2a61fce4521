"""BP Search with NetSuite as the installed base (the fake): a serial's card links to its
record, NetSuite down shows the cached card marked with its age, and a serial NetSuite does not
know is flagged on the ticket card."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from tests.harness.bp_search import links, ticket_on
from tests.harness.cards import facts, texts
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk
from tests.harness.domain import MONDAY_9AM
from tests.harness.fake_netsuite import FakeNetSuite
from tests.harness.netsuite import add_customer, add_machine, on_netsuite
from tests.harness.tickets import freeze


@pytest.fixture
async def netsuite() -> AsyncIterator[FakeNetSuite]:
    fake = FakeNetSuite()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def desk(settings, connector: FakeConnector, netsuite: FakeNetSuite) -> AsyncIterator[Desk]:
    """The bot with the fake as NetSuite (bestpack.toml's [bp_search] names it), Monday 9 AM."""
    running = Desk(on_netsuite(settings, netsuite), connector)
    await running.start()
    freeze(running, MONDAY_9AM)
    yield running
    await running.close()


async def test_netsuite_down_shows_the_cached_card_marked_with_its_age(desk: Desk, netsuite):
    acme = add_customer(netsuite, "Acme Foods", email="ops@acme.example", contact="Pat Lee")
    add_machine(netsuite, "SN-20481", acme, warranty_end="2027-03-01")
    mary = desk.user("Mary")

    card = (await mary.says("lookup SN-20481")).card

    assert texts(card)[0] == "SN-20481 · BP-500 Case Erector"
    assert facts(card)["Warranty"] == "until 1 Mar 2027"
    assert "Open in NetSuite" in links(card)
    netsuite.down = True
    freeze(desk, MONDAY_9AM + timedelta(minutes=6))

    stale = (await mary.says("lookup SN-20481")).card

    assert texts(stale)[:2] == [
        "SN-20481 · BP-500 Case Erector",
        "NetSuite is unavailable; shown from the cache, from 6 minutes ago.",
    ]
    assert facts(stale)["Warranty"] == "until 1 Mar 2027"


async def test_a_serial_netsuite_does_not_know_is_flagged_on_the_ticket_card(desk: Desk):
    await ticket_on(desk, "XX-123", "Typed from the nameplate", company="Acme Foods")
    card = (await desk.user("Mary").says("ticket BP-1001")).card
    lines = texts(card)
    assert lines[lines.index("Machine history") + 2] == "XX-123 not found in NetSuite."
