"""The ticket card as triage and managers see it: their actions, and what is overdue."""

from __future__ import annotations

from datetime import timedelta

from bot.keys import SERVICES
from cards.ticket import REASSIGN
from cards.triage import ACKNOWLEDGE
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.triage import MONDAY_9AM, triage_desk


def _titles(card: dict) -> list[str]:
    return [a["title"] for a in card.get("actions", [])]


async def test_triage_and_managers_act_on_an_overdue_ticket_from_its_card(desk: Desk):
    mary, kevin, _ = await triage_desk(desk)
    allison = desk.user("Allison")
    await allison.says("whoami")
    await mary.says("file plc")
    await mary.says("assign BP-1001 kevin")
    desk.app[SERVICES].clock = lambda: MONDAY_9AM + timedelta(hours=2, minutes=32)
    shown = await mary.says("ticket BP-1001")
    card = shown.card
    assert _titles(card) == ["Add note", "Acknowledge", "Change priority", "Reassign", "Refresh"]
    assert (
        "Acknowledgement late by 1 h 32 min of business time;"
        " first response late by 1 h 32 min of business time." in texts(card)
    )
    assert _titles((await allison.says("ticket BP-1001")).card)[1:4] == [
        "Acknowledge",
        "Change priority",
        "Reassign",
    ]
    assert "Acknowledge" not in _titles((await kevin.says("ticket BP-1001")).card)
    acked = await mary.executes(shown.last, ACKNOWLEDGE, number="BP-1001")
    assert any(t.startswith("BP-1001 acknowledged by Mary") for t in texts(acked.body["value"]))
    picker = await mary.executes(shown.last, REASSIGN, number="BP-1001")
    assert picker.body["value"]["body"][0]["text"].startswith("Triage BP-1001")
