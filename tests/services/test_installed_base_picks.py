"""BP Search picks in card data, confirmed against the installed base, and Fill's rules."""

from __future__ import annotations

import asyncio

import pytest

from services.installed_base import Contact, Customer, Machine, Site
from services.installed_base.picks import (
    as_typed,
    confirm,
    customer_title,
    customer_value,
    machine_title,
    machine_value,
    pick_value,
    read_pick,
    typed_title,
)
from services.installed_base.prefill import find_customer, find_machine, prefill
from services.profile import load_profile
from tests.harness.installed_base_fakes import CountingBase

PROFILE = load_profile("bestpack")
FRESNO = Site("S-1", "Fresno plant", "CA", "Fresno")
DANA = Contact("Dana Whitfield", "dana@harvest.example", "+1 559 555 0142")
HARVEST = Customer("C-1", "Harvest Valley Foods", (FRESNO,), DANA)
SPREAD = Customer(
    "C-2", "Northwind Bottling", (Site("S-2", "Newark", "NJ"), Site("S-3", "Troy", "NY"))
)
ERECTOR = Machine("M-1", "CE4-10421", "BP-400 Case Erector", "C-1", HARVEST.name, "custom", FRESNO)
ODD = Machine(
    "M-2", "XX-1", "Prototype", "C-2", SPREAD.name, "experimental", Site("S-9", "Lab", "ZZ")
)


@pytest.fixture
def base() -> CountingBase:
    return CountingBase(machines=[ERECTOR, ODD], customers=[HARVEST, SPREAD], source="NetSuite")


def test_a_pick_carries_its_record_and_reads_as_its_text():
    assert machine_value(ERECTOR) == "machine:M-1:CE4-10421"
    assert customer_value(HARVEST) == "customer:C-1:Harvest Valley Foods"
    pick = read_pick("customer:C-1:Harvest: Valley")
    assert (pick.kind, pick.ref, pick.text) == ("customer", "C-1", "Harvest: Valley")
    assert as_typed("machine:M-1:CE4-10421") == "CE4-10421"
    assert pick_value("machine", "a:b", "SN-1") == "SN-1", "a ref with a colon is not carried"


def test_a_title_sent_instead_of_the_value_reads_as_its_serial_or_name():
    assert machine_title(ERECTOR) == "CE4-10421 · BP-400 Case Erector · Harvest Valley Foods (CA)"
    assert as_typed(machine_title(ERECTOR)) == "CE4-10421"
    assert customer_title(HARVEST) == "Harvest Valley Foods · Fresno, CA"
    assert customer_title(SPREAD) == "Northwind Bottling · 2 sites"
    assert as_typed(customer_title(SPREAD)) == "Northwind Bottling"
    assert as_typed(typed_title("ZX9-1 · odd")) == "ZX9-1 · odd"
    assert read_pick(machine_title(ERECTOR)) is None, "a title gives no refs"


@pytest.mark.parametrize(
    "typed", ["CE4-10421", "machine:", "machine:M-1", "machine::SN", "order:O-1:SO-1", "m:1: ", 7]
)
def test_anything_else_is_text_typed_by_hand(typed):
    assert read_pick(typed) is None
    assert as_typed(typed) == typed


async def test_picks_confirmed_by_the_installed_base_give_their_refs(base):
    both = await confirm(base, machine_value(ERECTOR), customer_value(SPREAD), 1.0)
    assert (both.machine_ref, both.customer_ref) == ("M-1", "C-2"), "the company picked wins"
    only_machine = await confirm(base, machine_value(ERECTOR), "Harvest Valley Foods", 1.0)
    assert (only_machine.machine_ref, only_machine.customer_ref) == ("M-1", "C-1")
    typed = await confirm(base, "CE4-10421", "Harvest Valley Foods", 1.0)
    assert (typed.machine_ref, typed.customer_ref, typed.unavailable) == (None, None, None)


async def test_a_pick_the_installed_base_denies_confirms_nothing(base):
    other = await confirm(base, "machine:M-2:CE4-10421", "customer:C-404:Gone Foods", 1.0)
    assert (other.machine_ref, other.customer_ref) == (None, None)


async def test_a_source_slow_or_down_confirms_nothing_and_is_named(base):
    base.down = True
    down = await confirm(base, machine_value(ERECTOR), None, 1.0)
    assert (down.machine_ref, down.unavailable) == (None, "NetSuite")
    base.down, base.hold = False, asyncio.Event()
    slow = await confirm(base, None, customer_value(HARVEST), 0.05)
    assert (slow.customer_ref, slow.unavailable) == (None, "NetSuite")


async def test_fill_finds_a_machine_picked_or_typed_exactly_and_a_customer_by_exact_name(base):
    assert await find_machine(base, "machine:M-1:CE4-10421") == ERECTOR
    assert await find_machine(base, " ce4-10421 ") == ERECTOR
    assert await find_machine(base, "") is None
    assert await find_customer(base, "customer:C-2:Northwind Bottling") == SPREAD
    assert await find_customer(base, "harvest  valley FOODS") == HARVEST
    assert await find_customer(base, "Harvest") is None, "part of a name is not a pick"
    base.customers.append(Customer("C-3", "Harvest Valley Foods"))
    assert await find_customer(base, "Harvest Valley Foods") is None, "two of that name"


def test_fill_from_a_machine_replaces_its_facts_and_fills_an_empty_contact_only():
    typed = {"company": "Harvest", "contact_name": "Sam Caller", "issue_type": "controls"}
    filled = prefill(PROFILE, typed, ERECTOR, HARVEST)
    assert filled.answers == {
        "company": "customer:C-1:Harvest Valley Foods",
        "contact_name": "Sam Caller",
        "phone": "+1 559 555 0142",
        "email": "dana@harvest.example",
        "site_state": "ca",
        "machine_model": "BP-400 Case Erector",
        "serial_number": "machine:M-1:CE4-10421",
        "machine_complexity": "custom",
        "issue_type": "controls",
    }
    assert filled.changed == (
        "company",
        "phone",
        "email",
        "site_state",
        "machine_model",
        "serial_number",
        "machine_complexity",
    )


def test_fill_leaves_what_the_profile_cannot_hold_and_a_customer_s_many_sites():
    filled = prefill(PROFILE, {}, ODD, None)
    assert "site_state" not in filled.answers, "ZZ is no US state"
    assert "machine_complexity" not in filled.answers, "not one of the profile's complexities"
    assert filled.answers["company"] == "customer:C-2:Northwind Bottling"
    assert "site_state" not in prefill(PROFILE, {}, None, SPREAD).answers
    assert prefill(PROFILE, {}, None, HARVEST).answers["site_state"] == "ca"
    again = prefill(PROFILE, prefill(PROFILE, {}, ERECTOR, HARVEST).answers, ERECTOR, HARVEST)
    assert again.changed == ()
