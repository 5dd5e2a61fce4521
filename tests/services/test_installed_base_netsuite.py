"""NetSuite as the installed base, against the fake: machines from the profile's custom record,
customers, sites, contacts and sales orders, text with quotes, %, _, -- and unicode taken as
typed, and every NetSuite failure as SourceUnavailable."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest

from services.installed_base import SourceUnavailable
from services.installed_base.netsuite import NetSuiteInstalledBase
from services.profile import load_profile
from tests.harness.fake_netsuite import FakeNetSuite
from tests.harness.netsuite import (
    CUSTOM,
    add_customer,
    add_machine,
    add_sales_order,
    client_of,
)

UI = "https://1234567-sb1.app.netsuite.com"


@pytest.fixture
async def netsuite() -> AsyncIterator[FakeNetSuite]:
    fake = FakeNetSuite()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def base(netsuite: FakeNetSuite) -> AsyncIterator[NetSuiteInstalledBase]:
    mapping = load_profile("bestpack").bp_search.netsuite
    assert mapping is not None
    async with httpx.AsyncClient(timeout=httpx.Timeout(2.0)) as http:
        yield NetSuiteInstalledBase(client_of(netsuite, http), mapping, timeout=0.5)


async def test_a_machine_by_serial_whatever_the_case_with_everything_netsuite_holds(netsuite, base):
    acme = add_customer(netsuite, "Acme Foods")
    machine_id = add_machine(
        netsuite,
        "SN-40213",
        acme,
        model="BP-900 Tray Former",
        complexity=CUSTOM,
        site="Dayton plant",
        state="oh",
        installed="2023-02-01",
        warranty_end="2026-01-31",
        contract_end="2027-12-31",
    )

    machine = await base.machine("sn-40213")

    assert machine is not None
    assert (machine.ref, machine.serial, machine.model) == (
        machine_id,
        "SN-40213",
        "BP-900 Tray Former",
    )
    assert (machine.customer_ref, machine.customer_name) == (acme, "Acme Foods")
    assert machine.complexity == "custom"
    assert machine.site is not None and (machine.site.name, machine.site.state) == (
        "Dayton plant",
        "OH",
    )
    assert (machine.install_date, machine.warranty_end, machine.contract_end) == (
        date(2023, 2, 1),
        date(2026, 1, 31),
        date(2027, 12, 31),
    )
    assert machine.covered_on(date(2026, 6, 1)) == "contract"
    assert machine.link == (
        f"{UI}/app/common/custom/custrecordentry.nl?rectype=512&id={machine_id}"
    )
    assert await base.machine("SN-4021") is None  # exact, not a prefix


async def test_an_inactive_machine_or_a_blank_serial_finds_nothing(netsuite, base):
    acme = add_customer(netsuite, "Acme Foods")
    retired = add_machine(netsuite, "SN-1", acme)
    netsuite.store.update("customrecord_bp_machine", retired, {"isInactive": True})
    calls = len(netsuite.requests)
    assert await base.machine("   ") is None
    assert len(netsuite.requests) == calls  # nothing asked
    assert await base.machine("SN-1") is None


async def test_find_machines_puts_serials_first_then_the_customers_machines(netsuite, base):
    snack = add_customer(netsuite, "SN Snacks")
    other = add_customer(netsuite, "Other Co")
    add_machine(netsuite, "AB-7", snack)
    add_machine(netsuite, "SN-20", other)
    add_machine(netsuite, "SN-10", other)

    found = await base.find_machines("sn", limit=10)

    assert [m.serial for m in found] == ["SN-10", "SN-20", "AB-7"]
    assert [m.serial for m in await base.find_machines("sn", limit=2)] == ["SN-10", "SN-20"]


TRICKY = ["O'Brien Foods", "100% Juice Co", "Dash--Dash Ltd", "Müller Verpackung", "Under_Score"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("'", ["O'Brien Foods"]),
        ("o'brien", ["O'Brien Foods"]),
        ("%", ["100% Juice Co"]),
        ("_", ["Under_Score"]),
        ("--", ["Dash--Dash Ltd"]),
        ("MÜLLER", ["Müller Verpackung"]),
        ("x' OR '1'='1", []),
        ("'; --", []),
        ("/*", []),
    ],
)
async def test_typed_text_is_taken_as_typed_never_as_suiteql(netsuite, base, typed, found):
    for n, name in enumerate(TRICKY):
        add_machine(netsuite, f"M-{n}", add_customer(netsuite, name))

    customers = await base.find_customers(typed, limit=10)
    machines = await base.find_machines(typed, limit=10)

    assert [c.name for c in customers] == found
    assert [m.customer_name for m in machines] == found
    assert netsuite.refusals == [] and all(r.status == 200 for r in netsuite.requests)


async def test_find_customers_puts_names_starting_with_the_text_first(netsuite, base):
    add_customer(netsuite, "Great Pack")
    add_customer(netsuite, "Packrite")
    gone = add_customer(netsuite, "Pack Gone")
    netsuite.store.update("customer", gone, {"isInactive": True})

    found = await base.find_customers("pack", limit=10)

    assert [c.name for c in found] == ["Packrite", "Great Pack"]
    assert found[0].link == f"{UI}/app/common/entity/custjob.nl?id={found[0].ref}"


async def test_a_customer_with_its_sites_and_main_contact(netsuite, base):
    acme = add_customer(netsuite, "Acme Foods", email="ops@acme.example", contact="Dana Reyes")
    add_machine(netsuite, "SN-1", acme, site="Dayton plant", state="OH")
    add_machine(netsuite, "SN-2", acme, site="Dayton plant", state="OH")
    add_machine(netsuite, "SN-3", acme, site="Reno DC", state="NV")

    customer = await base.customer(acme)

    assert customer is not None and customer.name == "Acme Foods"
    assert [(s.name, s.state) for s in customer.sites] == [
        ("Dayton plant", "OH"),
        ("Reno DC", "NV"),
    ]
    assert customer.main_contact is not None
    assert (customer.main_contact.name, customer.main_contact.email) == (
        "Dana Reyes",
        "ops@acme.example",
    )
    assert [m.serial for m in await base.machines_of(acme, limit=10)] == ["SN-1", "SN-2", "SN-3"]


async def test_a_ref_that_is_no_netsuite_id_is_not_asked_about(netsuite, base):
    assert await base.customer("cust-7") is None
    assert await base.machines_of("7; DROP", limit=5) == []
    assert await base.open_orders("x", limit=5) == []
    assert netsuite.requests == []
    assert await base.customer("99999") is None  # asked, and not there


async def test_sales_orders_from_transaction_with_netsuites_status_labels(netsuite, base):
    acme = add_customer(netsuite, "Acme Foods")
    letters = {
        "SO-1": "A",
        "SO-2": "B",
        "SO-3": "C",
        "SO-4": "D",
        "SO-5": "E",
        "SO-6": "F",
        "SO-7": "G",
        "SO-8": "H",
    }
    for n, (number, letter) in enumerate(letters.items(), start=1):
        add_sales_order(netsuite, number, acme, letter, ordered=f"2026-0{n}-01")

    order = await base.order("so-2")
    open_orders = await base.open_orders(acme, limit=10)

    assert order is not None
    assert (order.number, order.status, order.open) == ("SO-2", "Pending Fulfillment", True)
    assert order.ordered_on == date(2026, 2, 1)
    assert order.link == f"{UI}/app/accounting/transactions/salesord.nl?id={order.ref}"
    assert [(o.number, o.status) for o in open_orders] == [
        ("SO-6", "Pending Billing"),
        ("SO-5", "Pending Billing/Partially Fulfilled"),
        ("SO-4", "Partially Fulfilled"),
        ("SO-2", "Pending Fulfillment"),
        ("SO-1", "Pending Approval"),
    ]
    closed = [await base.order(n) for n in ("SO-3", "SO-7", "SO-8")]
    assert [(o.status, o.open) for o in closed if o] == [
        ("Cancelled", False),
        ("Billed", False),
        ("Closed", False),
    ]
    assert await base.order("SO-99") is None


@pytest.mark.parametrize("fault", ["down", "hang", "storm"])
async def test_netsuite_failing_is_source_unavailable_naming_netsuite(netsuite, base, fault):
    if fault == "storm":
        netsuite.storm(1)
    else:
        setattr(netsuite, fault, True)
    with pytest.raises(SourceUnavailable) as failed:
        await base.find_customers("acme", limit=5)
    assert failed.value.source == "NetSuite"
