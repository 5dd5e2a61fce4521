"""Process 5 as conversations: Jordan asks for a quote, Ezechiel answers, Jordan hears back."""

from __future__ import annotations

import asyncio

from cards.parts import PARTS_ANSWER, PARTS_OPEN, PARTS_SUBMIT
from services.parts import RequestStatus
from tests.dialogs.test_parts_helpers import (
    ANSWER,
    QUOTE,
    ask,
    card_in,
    form_id,
    parts_request,
)
from tests.dialogs.test_troubleshooting_helpers import (
    MONDAY_9AM,
    buttons,
    freeze,
    inputs,
    personal_chat,
    replied_card,
    replied_message,
    services,
    ticket_for,
    timeline_lines,
)
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk


async def test_jordan_asks_for_a_quote_ezechiel_answers_and_jordan_is_told(desk: Desk):
    freeze(desk, MONDAY_9AM)
    jordan, ezechiel = desk.user("Jordan"), desk.user("Ezechiel")
    await ezechiel.installs_the_app()

    sent = await ask(jordan, QUOTE)

    mine = replied_card(sent)
    assert texts(mine)[0] == "PQ-1001 · Part 4471-220"
    assert "Sent to Ezechiel; the answer will come to your chat with me." in texts(mine)
    assert buttons(mine) == ["Refresh"]  # Jordan cannot answer his own request
    asked = card_in(sent, personal_chat(ezechiel))
    assert "Jordan asks: Quote for 2 × Part 4471-220 (NC Tape Head)" in texts(asked.card)
    assert facts(asked.card)["Machine serial"] == "SN-12345"
    assert inputs(asked.card)["identified_part"] == "4471-220"  # pre-filled from the request

    await jordan.installs_the_app()
    answered = await ezechiel.executes(asked, PARTS_ANSWER, number="PQ-1001", **ANSWER)

    assert texts(replied_card(answered))[1] == "Answer sent to Jordan."
    told = card_in(answered, personal_chat(jordan)).card
    assert "Ezechiel answered PQ-1001." in texts(told)
    assert {k: facts(told)[k] for k in ("Part number", "Price each", "Total", "Quote number")} == {
        "Part number": "4471-220B",
        "Price each": "$120.50",
        "Total": "$241.00",
        "Quote number": "Q-2201",
    }
    assert facts(told)["Lead time"] == "3 weeks from order"
    assert "Quote Q-2201: Quoted, not ordered yet" in texts(told)
    assert buttons(told) == ["Customer ordered", "Refresh"]
    stored = await parts_request(desk, "PQ-1001")
    assert (stored.status, stored.answered_by, stored.answered_at) == (
        RequestStatus.ANSWERED,
        "ezechiel",
        MONDAY_9AM,
    )


async def test_a_request_without_the_app_waits_for_ezechiel_and_jordan_is_told(desk: Desk):
    sent = await ask(desk.user("Jordan"), QUOTE)
    assert (
        "Ezechiel doesn't have the Support Desk app yet, so I'll deliver the notice when they "
        "open it." in texts(replied_card(sent))[1]
    )
    delivered = await desk.user("Ezechiel").installs_the_app()
    assert any("Jordan asks" in str(s.card) for s in delivered.sent)


async def test_a_form_with_problems_comes_back_with_the_errors_and_every_value_kept(desk: Desk):
    jordan = desk.user("Jordan")
    typed = {**QUOTE, "part_number": "", "quantity": "0", "serial_number": "SN 1"}

    card = replied_card(await ask(jordan, typed))

    assert "Please fix the problems below." in texts(card)
    assert "Give the part number, or describe the part." in texts(card)
    assert "Quantity is a whole number from 1 to 100,000." in texts(card)
    assert "Serial numbers are 3–30 letters, digits or dashes." in texts(card)
    kept = inputs(card)
    assert (kept["request_type"], kept["serial_number"], kept["nc_tape_head"]) == (
        "quote",
        "SN 1",
        "true",
    )
    assert kept["quantity"] == 0
    assert await services(desk).parts.open_requests() == []


async def test_ezechiels_answer_with_problems_comes_back_with_his_values(desk: Desk):
    ezechiel = desk.user("Ezechiel")
    await ezechiel.installs_the_app()
    asked = card_in(await ask(desk.user("Jordan"), QUOTE), personal_chat(ezechiel))
    typed = {**ANSWER, "price": "about 120", "lead_time": " ", "quote_number": "Q 2201"}

    card = replied_card(await ezechiel.executes(asked, PARTS_ANSWER, number="PQ-1001", **typed))

    assert "Enter the price in dollars, like 1234.50." in texts(card)
    assert "Lead time is required." in texts(card)
    assert "Quote numbers are 2–32 letters, digits or dashes." in texts(card)
    assert inputs(card)["price"] == "about 120"
    assert inputs(card)["identified_part"] == "4471-220B"
    assert buttons(card) == ["Send answer", "Refresh"]
    assert (await parts_request(desk, "PQ-1001")).status is RequestStatus.OPEN


async def test_kevin_forging_an_answer_is_refused(desk: Desk):
    ezechiel, kevin = desk.user("Ezechiel"), desk.user("Kevin")
    await ezechiel.installs_the_app()
    asked = card_in(await ask(desk.user("Jordan"), QUOTE), personal_chat(ezechiel))

    forged = await kevin.executes(
        asked,
        PARTS_ANSWER,
        number="PQ-1001",
        **ANSWER,
        caller="ezechiel",
        capability="answer_parts",
        answered_by="ezechiel",
    )

    assert replied_message(forged) == (
        "Sorry, that needs the 'answer_parts' permission, which Ezechiel has."
    )
    assert (await parts_request(desk, "PQ-1001")).status is RequestStatus.OPEN
    seen = replied_card(await kevin.executes(asked, PARTS_OPEN, number="PQ-1001"))
    assert buttons(seen) == ["Refresh"] and "identified_part" not in inputs(seen)
    assert (await kevin.says("parts queue")).texts == [
        "Sorry, that needs the 'answer_parts' permission, which Ezechiel has."
    ]


async def test_a_request_is_answered_once_and_a_form_files_once(desk: Desk):
    jordan, ezechiel = desk.user("Jordan"), desk.user("Ezechiel")
    await ezechiel.installs_the_app()
    form = (await jordan.says("parts")).last
    fid = form_id(form.card)
    first, second = await asyncio.gather(
        jordan.executes(form, PARTS_SUBMIT, form_id=fid, **QUOTE),
        jordan.executes(form, PARTS_SUBMIT, form_id=fid, **QUOTE),
    )
    heads = {texts(replied_card(a))[0] for a in (first, second)}
    assert heads == {"PQ-1001 · Part 4471-220"}
    assert len(await services(desk).parts.open_requests()) == 1
    asked = next(s for a in (first, second) for s in a.sent if "Jordan asks" in str(s.card))

    await ezechiel.executes(asked, PARTS_ANSWER, number="PQ-1001", **ANSWER)
    again = await ezechiel.executes(asked, PARTS_ANSWER, number="PQ-1001", **ANSWER)

    assert "Already answered by Ezechiel." in texts(replied_card(again))
    assert facts(replied_card(again))["Price each"] == "$120.50"


async def test_ezechiels_queue_lists_the_waiting_requests_with_the_nc_tape_head_flagged(
    desk: Desk,
):
    jordan, ezechiel = desk.user("Jordan"), desk.user("Ezechiel")
    await ezechiel.installs_the_app()
    await ask(jordan, {**QUOTE, "nc_tape_head": "false"})
    sent = await ask(jordan, {**QUOTE, "part_number": "NC-88", "request_type": "identification"})
    nc_card = card_in(sent, personal_chat(ezechiel)).card
    assert texts(nc_card)[2].startswith("NC Tape Head: special handling")
    assert texts(replied_card(sent))[2].startswith("NC Tape Head: special handling")

    queue = (await ezechiel.says("parts queue")).card

    assert texts(queue)[0] == "Parts requests waiting (2)"
    rows = [t for t in texts(queue) if t.startswith("**PQ-")]
    assert rows == [
        "**PQ-1001** · Part 4471-220",
        "**PQ-1002** · Part NC-88 · **NC Tape Head**",
    ]


async def test_a_request_about_a_ticket_lands_in_its_timeline(desk: Desk):
    await ticket_for(desk, "jordan")
    jordan, ezechiel = desk.user("Jordan"), desk.user("Ezechiel")
    await ezechiel.installs_the_app()
    form = (await jordan.says("parts BP-1001")).last
    assert inputs(form.card)["ticket"] == "BP-1001"
    typed = {**QUOTE, "ticket": inputs(form.card)["ticket"]}  # Teams sends the input's value
    sent = await jordan.executes(form, PARTS_SUBMIT, form_id=form_id(form.card), **typed)
    asked = card_in(sent, personal_chat(ezechiel))
    assert facts(asked.card)["Ticket"] == "BP-1001"

    await ezechiel.executes(asked, PARTS_ANSWER, number="PQ-1001", **ANSWER)

    assert (await timeline_lines(desk, "BP-1001"))[-2:] == [
        "Jordan added a note: Parts request PQ-1001 to Ezechiel: "
        "Quote for 2 × Part 4471-220 (NC Tape Head).",
        "Ezechiel added a note: Parts request PQ-1001 answered: part 4471-220B, $120.50 each "
        "($241.00 for 2), lead time 3 weeks from order, quote Q-2201.",
    ]


async def test_a_ticket_that_is_unknown_or_closed_is_refused_on_the_form(desk: Desk):
    jordan = desk.user("Jordan")
    unknown = replied_card(await ask(jordan, {**QUOTE, "ticket": "BP-4040"}))
    assert "There is no ticket BP-4040." in texts(unknown)
    assert inputs(unknown)["ticket"] == "BP-4040"
    garbled = replied_card(await ask(jordan, {**QUOTE, "ticket": "the sealer one"}))
    assert "Give a ticket number like BP-1001, or leave it empty." in texts(garbled)
    assert await services(desk).parts.open_requests() == []
