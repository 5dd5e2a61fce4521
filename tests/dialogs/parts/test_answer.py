"""Process 5, the owner's answer, as conversations: Ezechiel answers, Jordan hears back."""

from __future__ import annotations

import asyncio

from cards.parts_form import PARTS_SUBMIT
from cards.parts_requests import PARTS_ANSWER, PARTS_OPEN
from services.parts import RequestStatus
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.parts import ANSWER, QUOTE, ask, card_in, form_id, parts_request
from tests.harness.tickets import (
    MONDAY_9AM,
    buttons,
    freeze,
    inputs,
    personal_chat,
    replied_card,
    replied_message,
    services,
)


async def test_jordan_asks_for_a_quote_ezechiel_answers_and_jordan_is_told(desk: Desk):
    freeze(desk, MONDAY_9AM)
    jordan, ezechiel = desk.user("Jordan"), desk.user("Ezechiel")
    await ezechiel.installs_the_app()

    sent = await ask(jordan, QUOTE)

    mine = replied_card(sent)
    assert texts(mine)[0] == "PQ-1001 · Part 4471-220"
    assert "Sent to Ezechiel; the answer will come to your chat with me." in texts(mine)
    assert buttons(mine) == ["Refresh"]  # Jordan cannot answer his own request
    assert (facts(mine)["Status"], facts(mine)["Answer expected by"]) == (
        "Waiting for Ezechiel's answer",
        "Tue 01 Dec 2026 09:00 PST",
    )
    asked = card_in(sent, personal_chat(ezechiel))
    assert "Jordan asks: Quote for 2 × Part 4471-220 (NC Tape Head)" in texts(asked.card)
    assert facts(asked.card)["Machine serial"] == "SN-12345"
    assert inputs(asked.card)["lines"] == "4471-220; ; 2; "  # the part asked for, to price

    await jordan.installs_the_app()
    answered = await ezechiel.executes(asked, PARTS_ANSWER, number="PQ-1001", **ANSWER)

    assert texts(replied_card(answered))[1] == "Answer sent to Jordan."
    told = card_in(answered, personal_chat(jordan)).card
    assert "Ezechiel answered PQ-1001." in texts(told)
    assert {k: facts(told)[k] for k in ("Status", "2 × 4471-220B", "Total", "Quote number")} == {
        "Status": "Answered",
        "2 × 4471-220B": "$120.50 each = $241.00",
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


async def test_ezechiels_answer_with_problems_comes_back_with_his_values(desk: Desk):
    ezechiel = desk.user("Ezechiel")
    await ezechiel.installs_the_app()
    asked = card_in(await ask(desk.user("Jordan"), QUOTE), personal_chat(ezechiel))
    lines = "4471-220B; Encoder; 2; 120.50\nGK-12; Gasket kit; 1; 186.40 + 12.75"
    typed = {**ANSWER, "lines": lines, "lead_time": " ", "quote_number": "Q 2201"}

    card = replied_card(await ezechiel.executes(asked, PARTS_ANSWER, number="PQ-1001", **typed))

    assert "Line 2: enter the price in dollars, like 1234.50." in texts(card)
    assert "Lead time is required." in texts(card)
    assert "Quote numbers are 2–32 letters, digits or dashes." in texts(card)
    assert inputs(card)["lines"] == lines
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

    assert replied_message(forged) == "Only Ezechiel may answer parts requests."
    assert (await parts_request(desk, "PQ-1001")).status is RequestStatus.OPEN
    seen = replied_card(await kevin.executes(asked, PARTS_OPEN, number="PQ-1001"))
    assert buttons(seen) == ["Refresh"] and "lines" not in inputs(seen)
    assert (await kevin.says("parts queue")).texts == ["Only Ezechiel may answer parts requests."]


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
    assert facts(replied_card(again))["Total"] == "$241.00"


async def test_a_quote_of_two_parts_is_two_lines_with_their_total(desk: Desk):
    jordan, ezechiel = desk.user("Jordan"), desk.user("Ezechiel")
    for person in (jordan, ezechiel):
        await person.installs_the_app()
    asked = card_in(await ask(jordan, QUOTE), personal_chat(ezechiel))
    lines = "SC-0450; Photo-eye sensor; 1; 186.40\nGK-12; Gasket kit; 2; 12.75"

    answered = await ezechiel.executes(
        asked, PARTS_ANSWER, number="PQ-1001", **{**ANSWER, "lines": lines}
    )

    told = facts(card_in(answered, personal_chat(jordan)).card)
    assert (told["1 × SC-0450"], told["2 × GK-12"], told["Total"]) == (
        "Photo-eye sensor · $186.40 each = $186.40",
        "Gasket kit · $12.75 each = $25.50",
        "$211.90",
    )
    order = await services(desk).orders.look_up("Q-2201")
    assert order is not None and order.total_cents == 21_190
