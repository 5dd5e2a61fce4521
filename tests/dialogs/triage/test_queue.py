"""The queue: how late each ticket is, who has it, and opening one without losing the queue."""

from __future__ import annotations

from datetime import timedelta

from bot.keys import SERVICES
from cards.queue import OPEN, QUEUE
from tests.harness.cards import elements, texts
from tests.harness.desk import Desk
from tests.harness.triage import MONDAY_9AM, triage_desk


def _rows(queue: dict) -> list[str]:
    return [t for t in texts(queue) if t.startswith("**")]


async def test_queue_lists_what_waits_most_urgent_first(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    await mary.says("file minor")
    await mary.says("file plc")
    queue = (await mary.says("queue")).card
    assert queue["body"][0]["text"] == "Queue: 2 tickets waiting"
    assert _rows(queue) == [
        "**BP-1002** · HMI shows alarm E42 and the PLC faults on start.",
        "**BP-1001** · Slow",
    ]
    opener = next(e for e in elements(queue) if e["type"] == "ActionSet")["actions"][0]
    assert (opener["verb"], opener["data"]) == (OPEN, {"number": "BP-1002"})
    await mary.says("assign BP-1002 kevin")
    await mary.says("ack BP-1002")
    queue = (await mary.says("queue")).card
    assert _rows(queue) == ["**BP-1001** · Slow"]


async def test_an_overdue_ticket_says_how_late_in_attention_colour_most_late_first(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    await mary.says("file plc")
    await mary.says("ack BP-1001")  # acknowledged, so the repository lists it last
    desk.app[SERVICES].clock = lambda: MONDAY_9AM + timedelta(minutes=30)
    await mary.says("file minor")
    desk.app[SERVICES].clock = lambda: MONDAY_9AM + timedelta(hours=2, minutes=32)
    queue = (await mary.says("queue")).card
    assert _rows(queue) == [
        "**BP-1001** · HMI shows alarm E42 and the PLC faults on start.",
        "**BP-1002** · Slow",
    ]
    late = [e for e in elements(queue) if e.get("color") == "Attention"]
    assert [e["text"] for e in late] == [
        "First response late by 1 h 32 min of business time.",
        "Acknowledgement late by 1 h 2 min of business time.",
    ]
    assert "(overdue)" not in str(queue)


async def test_assigned_tickets_waiting_for_acknowledgement_are_apart_and_named(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    await mary.says("file minor")
    await mary.says("file plc")
    await mary.says("assign BP-1002 kevin")
    queue = (await mary.says("queue")).card
    shown = texts(queue)
    assert shown[1:] == [
        "To assign (1)",
        "**BP-1001** · Slow",
        "Normal · acknowledge by Mon 23 Nov 2026 10:00 PST",
        "Assigned, waiting for acknowledgement (1)",
        "**BP-1002** · HMI shows alarm E42 and the PLC faults on start.",
        "Urgent: machine down · Kevin has it, not yet acknowledged"
        " · acknowledge by Mon 23 Nov 2026 10:00 PST",
    ]


async def test_opening_a_ticket_from_the_queue_keeps_the_queue(desk: Desk):
    mary, _, _ = await triage_desk(desk)
    await mary.says("file plc")
    sent = (await mary.says("queue")).last
    answer = await mary.executes(sent, OPEN, number="BP-1001")
    kept = answer.body["value"]
    assert kept["body"][0]["text"] == "Queue: 1 ticket waiting"
    assert "BP-1001 is open below." in texts(kept)
    [opened] = answer.cards
    assert opened["body"][0]["text"].startswith("BP-1001")
    refreshed = await mary.executes(sent, QUEUE)
    assert _rows(refreshed.body["value"]) == [
        "**BP-1001** · HMI shows alarm E42 and the PLC faults on start."
    ]
