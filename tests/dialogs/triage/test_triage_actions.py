"""Triage's other actions: request info and acknowledge (the queue: test_queue)."""

from __future__ import annotations

from bot.keys import SERVICES
from cards.triage import ACKNOWLEDGE, REQUEST_INFO
from tests.harness.cards import facts, row_buttons, texts
from tests.harness.desk import Desk
from tests.harness.tickets import replied_card, ticket_for
from tests.harness.triage import clicks_in_channel, in_channel, in_chat_of, triage_desk


async def test_acknowledge_records_it_once_and_updates_the_channel_card(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    answer = await mary.says("ack BP-1001")
    assert answer.texts == ["BP-1001 acknowledged by Mary on Mon 23 Nov 2026 09:00 PST."]
    [update] = [s for s in in_channel(answer) if s.op == "update"]
    assert update.activity_id == post.activity_id
    assert "Acknowledged" in facts(update.card)
    assert ACKNOWLEDGE not in [a.get("verb") for a in update.card["actions"]]
    again = await mary.says("acknowledge 1001")
    assert again.texts == ["BP-1001 was already acknowledged on Mon 23 Nov 2026 09:00 PST."]
    assert (await desk.app[SERVICES].tickets.get("BP-1001")).acknowledged_at is not None


async def test_acknowledge_from_the_card_replaces_it_in_place(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    [post] = in_channel(await mary.says("file plc"))
    answer = await clicks_in_channel(mary, post, ACKNOWLEDGE, number="BP-1001")
    assert any(t.startswith("BP-1001 acknowledged by Mary") for t in texts(answer.body["value"]))
    assert not [s for s in answer.sent if s.op == "update"], "the invoke answer replaces it"


async def test_request_info_asks_whoever_filed_the_ticket(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    allison = desk.user("Allison")
    await allison.says("whoami")
    [post] = in_channel(await allison.says("file plc"))
    question = "Which PLC firmware is on the machine?"
    answer = await clicks_in_channel(mary, post, REQUEST_INFO, number="BP-1001", question=question)
    assert f"Mary asked Allison: {question}" in texts(answer.body["value"])
    [asked] = in_chat_of(allison, answer)
    assert f"Mary needs more information: {question}" in texts(asked.card)
    assert asked.card["actions"][0]["title"] == "Add note"
    events = await desk.app[SERVICES].tickets.events(1)
    assert events[-1].body == f"Info requested: {question}"


async def test_acknowledge_without_a_number_offers_the_callers_tickets_as_buttons(desk: Desk):
    await ticket_for(desk, "kevin", "Sealer stops", acknowledged=False)
    await ticket_for(desk, "kevin", "Labeler skews", acknowledged=True)
    await ticket_for(desk, "sean", "Wrapper jams", acknowledged=False)
    kevin = desk.user("Kevin")

    offered = await kevin.says("acknowledge")

    assert texts(offered.card)[0] == "Which ticket did you acknowledge? (1 waiting)"
    assert [(b["title"], b["data"]["number"]) for b in row_buttons(offered.card)] == [
        ("Acknowledge", "BP-1001")
    ]
    pressed = await kevin.executes(offered.last, ACKNOWLEDGE, number="BP-1001")
    assert any(t.startswith("BP-1001 acknowledged by Kevin") for t in texts(replied_card(pressed)))
    assert (await kevin.says("ack")).texts == ["Nothing of yours waits for acknowledgement."]
    # Triage with nothing assigned is offered what waits in the queue.
    mary = (await desk.user("Mary").says("ack")).card
    assert [b["data"]["number"] for b in row_buttons(mary)] == ["BP-1003"]
