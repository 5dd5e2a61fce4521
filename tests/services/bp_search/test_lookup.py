"""Looking a machine, a customer or an order up: one finding per hit, or a list to pick from."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from services.bp_search import BPSearch, Kind
from services.installed_base import Customer
from services.tickets import TicketStatus
from tests.harness.bp_sources import ACME, ACME_CRM, ERECTOR, ORDER, SEALER
from tests.harness.domain import MONDAY_9AM

LATER = MONDAY_9AM + timedelta(days=30)


async def test_a_serial_finds_its_machine_customer_crm_tickets_visit_and_orders(
    bp: BPSearch, file, visit
):
    for day in range(6):
        await file(f"Old fault {day}", at=MONDAY_9AM + timedelta(days=day), resolution=f"Fix {day}")
    await file("Sealer stops after 20 cases", at=MONDAY_9AM + timedelta(days=7))
    await file("Another machine's fault", serial="SN-99999")
    await visit("SR-1001", "BP-1002", date(2026, 12, 3))
    await visit("SR-1002", "BP-1004", date(2026, 12, 9))

    answer = await bp.lookup("sn-20481", LATER)

    assert answer.query.kind is Kind.MACHINE and answer.gaps == () and not answer.stale
    [finding] = answer.findings
    assert (finding.machine, finding.customer, finding.company) == (SEALER, ACME, ACME_CRM)
    assert finding.open_orders == (ORDER,)
    assert [t.number for t in finding.tickets.open] == ["BP-1007"]
    assert finding.tickets.open[0].status is TicketStatus.NEW
    # The last five closed, newest first, each with its resolution; six in all.
    assert [(t.number, t.resolution) for t in finding.tickets.closed] == [
        ("BP-1006", "Fix 5"),
        ("BP-1005", "Fix 4"),
        ("BP-1004", "Fix 3"),
        ("BP-1003", "Fix 2"),
        ("BP-1002", "Fix 1"),
    ]
    assert finding.tickets.closed_total == 6
    assert (finding.last_visit.number, finding.last_visit.project_number) == ("SR-1002", "PRJ-7")


async def test_a_customer_name_matching_several_gives_a_short_list_then_a_pick(bp: BPSearch, file):
    await file("Sealer stops", resolution="Reset the PLC")

    answer = await bp.lookup("acme", LATER)

    assert answer.findings == ()
    assert [(c.kind, c.ref, c.title, c.detail) for c in answer.candidates] == [
        (Kind.CUSTOMER, "cust-1", "Acme Foods", "Sites in NJ, TX"),
        (Kind.CUSTOMER, "cust-2", "Acme Packaging", "Sites in NV"),
    ]
    picked = await bp.pick(Kind.CUSTOMER, "cust-1", LATER)
    [finding] = picked.findings
    assert (finding.customer, finding.company) == (ACME, ACME_CRM)
    assert finding.machines == (SEALER, ERECTOR)
    assert [t.resolution for t in finding.tickets.closed] == ["Reset the PLC"]


async def test_a_name_matching_one_customer_exactly_among_several_is_that_customer(bp: BPSearch):
    [finding] = (await bp.lookup("ACME FOODS", LATER)).findings
    assert finding.kind is Kind.CUSTOMER and finding.name == "Acme Foods"


async def test_more_hits_than_the_list_holds_ask_for_more_of_the_name(bp: BPSearch, base):
    base.customers = [Customer(f"c-{n}", f"Delta Foods {n}") for n in range(12)]
    answer = await bp.lookup("delta", LATER)
    assert len(answer.candidates) == 8 and answer.more


async def test_a_serial_prefix_lists_the_machines_and_a_pick_needs_no_second_call(
    bp: BPSearch, base
):
    answer = await bp.lookup("SN-2048", LATER)

    assert [(c.ref, c.title, c.detail) for c in answer.candidates] == [
        ("SN-20481", "SN-20481 · CaseSealer X200", "Acme Foods · Newark, NJ"),
        ("SN-20482", "SN-20482 · Erector E5", "Acme Foods · Dallas, TX"),
    ]
    asked = base.calls["machine"]
    [finding] = (await bp.pick(Kind.MACHINE, "SN-20482", LATER)).findings
    assert finding.machine == ERECTOR
    assert base.calls["machine"] == asked  # the search's answer is kept per record


async def test_a_name_with_a_digit_that_no_serial_starts_with_is_a_customer(bp: BPSearch, base):
    base.customers = [*base.customers, Customer("c-7", "7-Eleven Distribution")]
    [finding] = (await bp.lookup("7-Eleven", LATER)).findings
    assert finding.customer == Customer("c-7", "7-Eleven Distribution")


async def test_an_order_number_finds_the_order_and_its_customer(bp: BPSearch):
    [finding] = (await bp.lookup("so 1042", LATER)).findings
    assert (finding.kind, finding.order, finding.customer) == (Kind.ORDER, ORDER, ACME)


async def test_text_nothing_matches_finds_nothing(bp: BPSearch, base):
    for text in ("SN-00000", "SO-9", "Nobody Inc"):
        answer = await bp.lookup(text, LATER)
        assert answer.empty and answer.gaps == ()


async def test_a_machine_without_a_crm_company_still_has_its_card(bp: BPSearch, crm, base):
    crm.companies = []
    base.machines = [replace(SEALER, customer_name="Acme Foods")]
    [finding] = (await bp.lookup("SN-20481", LATER)).findings
    assert finding.company is None and finding.machine is not None


async def test_expanding_a_list_gives_each_candidates_finding(bp: BPSearch):
    listed = await bp.lookup("acme", LATER)
    expanded = await bp.expand(listed, LATER)
    assert [f.name for f in expanded.findings] == ["Acme Foods", "Acme Packaging"]
    assert expanded.candidates == listed.candidates
