"""Triage's other actions: request info and acknowledge (the queue: test_queue)."""

from __future__ import annotations

from bot.keys import SERVICES
from cards.triage import ACKNOWLEDGE, REQUEST_INFO
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
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
