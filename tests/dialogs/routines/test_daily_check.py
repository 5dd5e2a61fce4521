"""The daily ticket check: each Support Specialist (Sam, Riley) gets their queue and what needs
following up at 08:15 Central on business days, and on `check`; it replaces their digest.

Monday 30 Nov 2026, 09:00 Central: KD-1001 waits on its contact, KD-1002 is being worked,
KD-1003 is Riley's, KD-1004 is new and waits for triage. Nothing moves until Friday.
"""

from __future__ import annotations

import pytest

from services.scheduler import skipping
from tests.harness.cards import texts
from tests.harness.clock import freeze, tick
from tests.harness.connector import Sent
from tests.harness.desk import Chat, Desk
from tests.harness.routines import central, kinetic_ticket, kinetic_user
from tests.harness.tickets import cards_in_chat

MONDAY_9AM = central(2026, 11, 30, 9)
FRIDAY_CHECK = central(2026, 12, 4, 8, 15)


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody skipped yet by this process's jobs (another test may have run them)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


async def week_of_tickets(desk: Desk) -> None:
    """Monday's four tickets, as the story tells."""
    await kinetic_ticket(desk, MONDAY_9AM, status="waiting_on_contact")
    await kinetic_ticket(desk, MONDAY_9AM, status="waiting_on_us", type="forms")
    await kinetic_ticket(desk, MONDAY_9AM, owner="riley", status="waiting_on_us")
    await kinetic_ticket(desk, MONDAY_9AM, owner=None, type="install", environment="dev")


def cards_to(desk: Desk, chat: Chat, mark: int, first_line: str) -> list[Sent]:
    """The cards sent to this person's chat since `mark` whose first line starts so."""
    return cards_in_chat(desk, chat, mark, lambda heading: heading.startswith(first_line))


async def test_each_specialist_gets_their_queue_and_what_to_follow_up_instead_of_a_digest(
    desk: Desk,
):
    sam, riley, devon = (kinetic_user(desk, name) for name in ("sam", "riley", "devon"))
    for chat in (sam, riley, devon):
        await chat.says("whoami")
    await week_of_tickets(desk)

    mark = len(desk.connector.sent)
    await tick(desk, FRIDAY_CHECK)

    [check] = cards_to(desk, sam, mark, "Good morning, Sam: your daily ticket check")
    shown = texts(check.card)
    assert shown[1] == "You hold 2 open tickets; 2 things to follow up."
    assert shown[2] == "1 ticket waits for triage: `queue` lists them."
    follow = shown[shown.index("Follow up") + 1 : shown.index("Your queue, most urgent first")]
    # In the queue's order: the ticket whose SLA clock runs before the one paused waiting.
    assert follow == [
        "**KD-1002** · Approval node never completes.",
        "no update for 35 business hours",
        "**KD-1001** · Approval node never completes.",
        "waiting on the customer for 3.9 business days",
    ]
    [riley_s] = cards_to(desk, riley, mark, "Good morning, Riley: your daily ticket check")
    assert texts(riley_s.card)[1:3] == [
        "You hold 1 open ticket; 1 thing to follow up.",
        "1 ticket waits for triage: `queue` lists them.",
    ]
    assert not cards_to(desk, sam, mark, "Good morning, Sam: your open tickets"), "no digest"
    assert not cards_to(desk, riley, mark, "Good morning, Riley: your open tickets")
    assert not cards_to(desk, devon, mark, "Good"), "DevOps helps; it holds no queue"

    # Later that day the check is not sent again; `check` gives it on request, as it stands.
    mark = len(desk.connector.sent)
    await tick(desk, central(2026, 12, 4, 11))
    assert not cards_to(desk, sam, mark, "Good")
    freeze(desk, central(2026, 12, 4, 11))
    answer = await sam.says("check")
    assert texts(answer.card)[0] == "Good morning, Sam: your daily ticket check"
    assert "no update for 38 business hours" in texts(answer.card)


async def test_nothing_held_and_nothing_to_triage_sends_no_check(desk: Desk):
    sam = kinetic_user(desk, "sam")
    await sam.says("whoami")
    mark = len(desk.connector.sent)
    ran = await tick(desk, FRIDAY_CHECK)
    assert [r.outcome for r in ran if r.job == "daily_check"] == ["ok: 0 daily checks"]
    assert not cards_to(desk, sam, mark, "Good")
