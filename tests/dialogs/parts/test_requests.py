"""Process 5's requests as conversations: Jordan asks the parts owner through the form."""

from __future__ import annotations

from cards.parts_form import PARTS_SUBMIT
from cards.parts_requests import PARTS_ANSWER
from services.tickets import TicketDraft
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.parts import ANSWER, QUOTE, ask, card_in, form_id
from tests.harness.tickets import (
    MONDAY_9AM,
    inputs,
    personal_chat,
    replied_card,
    services,
    ticket_for,
    timeline_lines,
)


async def test_a_request_without_the_app_waits_for_ezechiel_and_jordan_is_told(desk: Desk):
    sent = await ask(desk.user("Jordan"), QUOTE)
    assert texts(replied_card(sent))[1] == (
        "Sent to Ezechiel; the answer will come to your chat with me. Ezechiel hasn't installed "
        "the Support Desk app yet and gets this when they open it; send Ezechiel the install link "
        "if it is urgent."
    )
    delivered = await desk.user("Ezechiel").installs_the_app()
    assert any("Jordan asks" in str(s.card) for s in delivered.sent)


async def test_a_request_teams_refuses_after_the_answer_is_told_to_jordan_next(desk: Desk):
    jordan, ezechiel = desk.user("Jordan"), desk.user("Ezechiel")
    await ezechiel.installs_the_app()
    desk.connector.refuse[personal_chat(ezechiel)] = 403  # blocked since: found out on sending

    sent = await ask(jordan, QUOTE)

    # The answer knew only that the notice was queued; the refusal came after it.
    assert texts(replied_card(sent))[1] == (
        "Sent to Ezechiel; the answer will come to your chat with me."
    )
    [follow_up] = [s.text for s in sent.sent if s.conversation_id == personal_chat(jordan)]
    assert follow_up == (
        "Ezechiel has removed or blocked the Support Desk app and gets this when they open it "
        "again; tell Ezechiel another way if it is urgent."
    )
    del desk.connector.refuse[personal_chat(ezechiel)]
    back = await ezechiel.says("help")
    assert any("Jordan asks" in str(s.card) for s in back.sent)


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
        "Jordan filed parts request PQ-1001: Quote for 2 × Part 4471-220 (NC Tape Head), "
        "asked of Ezechiel.",
        "Ezechiel answered parts request PQ-1001: 2 × part 4471-220B at $120.50 each, "
        "total $241.00, lead time 3 weeks from order, quote Q-2201.",
    ]


async def test_the_form_for_an_nc_tape_head_ticket_starts_with_the_box_ticked(desk: Desk):
    repo = services(desk).tickets
    for issue_type in ("nc_tape_head", "controls"):
        draft = TicketDraft("Tape head skips", issue_type=issue_type)
        await repo.create(draft, "mary", f"intake:{issue_type}", MONDAY_9AM)
    jordan = desk.user("Jordan")

    nc_form = (await jordan.says("parts BP-1001")).last.card
    other_form = (await jordan.says("parts BP-1002")).last.card

    assert (inputs(nc_form)["nc_tape_head"], inputs(other_form)["nc_tape_head"]) == (
        "true",
        "false",
    )


async def test_a_ticket_that_is_unknown_or_closed_is_refused_on_the_form(desk: Desk):
    jordan = desk.user("Jordan")
    unknown = replied_card(await ask(jordan, {**QUOTE, "ticket": "BP-4040"}))
    assert "There is no ticket BP-4040." in texts(unknown)
    assert inputs(unknown)["ticket"] == "BP-4040"
    garbled = replied_card(await ask(jordan, {**QUOTE, "ticket": "the sealer one"}))
    assert "Give a ticket number like BP-1001, or leave it empty." in texts(garbled)
    assert await services(desk).parts.open_requests() == []
