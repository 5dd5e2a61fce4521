"""Mary looks machines, customers and orders up in chat (`lookup`, `bp`, `search`), with the
embedded installed base: one card per hit, a short list to pick from, or what to type instead."""

from __future__ import annotations

from datetime import timedelta

from cards.bp_search_list import PICK
from services.bp_search import USAGE
from tests.harness.bp_search import links, open_buttons, ticket_on
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.domain import MONDAY_9AM
from tests.harness.tickets import replied_card, replied_message


async def test_mary_looks_a_serial_up_and_sees_machine_customer_crm_tickets_and_orders(
    desk: Desk,
):
    await ticket_on(
        desk,
        "CE4-10421",
        "Erector jams on small cases",
        at=MONDAY_9AM - timedelta(days=20),
        resolution="Replaced the vacuum cup",
    )
    await ticket_on(desk, "ce4-10421", "Erector stops at start")

    card = (await desk.user("Mary").says("lookup CE4-10421")).card

    assert texts(card)[0] == "CE4-10421 · BP-400 Case Erector"
    shown = facts(card)
    assert {k: shown[k] for k in ("Customer", "Complexity", "Installed", "Site")} == {
        "Customer": "Harvest Valley Foods",
        "Complexity": "Standard machine",
        "Installed": "3 May 2024",
        "Site": "Fresno plant, line 3 · Fresno, CA",
    }
    assert (shown["Warranty"], shown["Service contract"]) == (
        "ended 3 May 2025",
        "until 30 Jun 2027",
    )
    assert shown["Sites"] == "Fresno plant, line 3 (CA), Modesto warehouse (CA)"
    assert shown["Main contact"] == (
        "Dana Whitfield · dana.whitfield@harvestvalley.example.com · +1 559 555 0142"
    )
    assert shown["Account owner"] == "Priya Natarajan"
    lines = texts(card)
    assert "Line 4 tray formers · Contract Sent · $84,000" in lines
    at = lines.index("Tickets here")
    assert lines[at : at + 5] == [
        "Tickets here",
        "Open (1)",
        "BP-1002 · Erector stops at start · New · opened 30 Nov 2026",
        "Closed (1)",
        "BP-1001 · Erector jams on small cases · resolved 10 Nov 2026: Replaced the vacuum cup",
    ]
    at = lines.index("Open orders")
    assert sorted(lines[at + 1 : at + 3]) == [
        "SO-1042 · Pending Fulfillment · ordered 2 Nov 2026",
        "SO-1050 · Pending Approval · ordered 25 Nov 2026",
    ]
    assert links(card) == {}  # the bot's own database has no record pages to open


async def test_a_name_several_customers_share_gives_a_list_and_open_answers_with_the_card(
    desk: Desk,
):
    mary = desk.user("Mary")
    listed = (await mary.says("bp harvest")).last

    assert texts(listed.card) == [
        "2 customers match “harvest”",
        "Pick one to see its card.",
        "Harvest Valley Foods",
        "Sites in CA",
        "Valley Harvest Co-op",
    ]
    buttons = open_buttons(listed.card)
    assert [b["data"] for b in buttons] == [
        {"kind": "customer", "ref": "C-100"},
        {"kind": "customer", "ref": "C-300"},
    ]

    picked = replied_card(await mary.executes(listed, PICK, **buttons[1]["data"]))

    assert texts(picked)[0] == "Valley Harvest Co-op"
    assert "NC2-30001 · NC-2 Tape Head" in texts(picked)
    assert "No tickets on it here yet." in texts(picked)


async def test_a_serial_prefix_lists_the_machines_it_starts(desk: Desk):
    listed = (await desk.user("Mary").says("lookup CE4-1042")).card
    assert texts(listed)[0] == "2 machines match “CE4-1042”"
    assert [b["data"]["ref"] for b in open_buttons(listed)] == ["CE4-10421", "CE4-10422"]
    assert "Northwind Bottling · Newark, NJ" in texts(listed)


async def test_an_order_number_shows_the_order_and_its_customer(desk: Desk):
    card = (await desk.user("Kevin").says("search so 1051")).card
    assert texts(card)[0] == "Order SO-1051 · Partially Fulfilled"
    assert facts(card)["Customer"] == "Northwind Bottling"


async def test_unknown_text_empty_text_and_too_much_text_are_answered_in_words(desk: Desk):
    mary = desk.user("Mary")
    assert (await mary.says("lookup Nobody Inc")).texts == [
        "Nothing in the bot's database matches “Nobody Inc”. "
        "Try part of the name, or a machine's serial number."
    ]
    assert (await mary.says("lookup")).texts == [USAGE]
    assert (await mary.says(f"bp {'x' * 101}")).texts == [
        "That is too long to look up. Keep it to 100 characters (this has 101)."
    ]


async def test_a_ticket_number_typed_after_bp_is_pointed_to_the_ticket(desk: Desk):
    await ticket_on(desk, "CE4-10421", "Erector jams")
    assert (await desk.user("Mary").says("bp 1001")).texts == [
        "Nothing in the bot's database matches “1001”. Check the serial number, or look the "
        "customer up by name. BP-1001 is a ticket here: `ticket BP-1001` shows it."
    ]


async def test_a_forged_or_outdated_pick_is_refused_in_words(desk: Desk):
    mary = desk.user("Mary")
    listed = (await mary.says("bp harvest")).last
    too_long = await mary.executes(listed, PICK, kind="customer", ref="C" * 65)
    assert replied_message(too_long) == (
        "I couldn't read that card: ref: Keep it to 64 characters (this has 65)."
    )
    gone = await mary.executes(listed, PICK, kind="machine", ref="XX-404")
    assert replied_message(gone) == "XX-404 is no longer in the bot's database: look it up again."
