"""Status updates to an escalated ticket's customer, every business day (Kinetic's cadence).

KD-1001 came in on Monday 30 Nov 2026 at 09:00 Central from a production system and was
escalated at once. The profile has the desk send updates itself, but this desk keeps its
tickets itself and cannot write to customers: Sam, the owner, gets the text prefilled and
says when he sent it.
"""

from __future__ import annotations

import pytest

from cards.customer_message import SENT
from services.scheduler import skipping
from tests.harness.cards import texts
from tests.harness.clock import freeze, tick
from tests.harness.connector import Sent
from tests.harness.desk import Chat, Desk
from tests.harness.routines import central, escalate_at_once, kinetic_ticket, kinetic_user
from tests.harness.tickets import cards_in_chat, replied_card, timeline_lines

MONDAY_9AM = central(2026, 11, 30, 9)
PREFILLED = (
    "An update on KD-1001 (Approval node never completes.): our engineers are still working on "
    "it, and we will write again as soon as we know more. Reply here with anything new on your "
    "side."
)


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody skipped yet by this process's jobs (another test may have run them)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


async def reminders_to(desk: Desk, chat: Chat, *moments) -> list[Sent]:
    """Run the scheduler at each moment; the status-update reminders this person got."""
    mark = len(desk.connector.sent)
    for moment in moments:
        await tick(desk, moment)
        await desk.settled()  # several notices to one chat in a tick are paced out
    return cards_in_chat(
        desk, chat, mark, lambda heading: heading.endswith("is due a status update")
    )


async def test_sam_gets_the_update_to_send_every_business_day(desk: Desk):
    sam = kinetic_user(desk, "sam")
    await sam.says("whoami")
    filed = await kinetic_ticket(desk, MONDAY_9AM, environment="production", status="with_team")
    await escalate_at_once(desk, filed, MONDAY_9AM)

    assert await reminders_to(desk, sam, central(2026, 11, 30, 16)) == []
    [reminder] = await reminders_to(desk, sam, central(2026, 12, 1, 9), central(2026, 12, 1, 10))
    assert texts(reminder.card)[0] == "KD-1001's customer is due a status update"
    assert texts(reminder.card)[1].startswith("The desk cannot send it: this desk keeps")
    [text_input] = [e for e in reminder.card["body"] if e["type"] == "Input.Text"]
    assert text_input["value"] == PREFILLED
    assert [a["title"] for a in reminder.card["actions"]] == ["Sent it", "Open ticket"]
    freeze(desk, central(2026, 12, 1, 10))
    check = texts((await sam.says("check")).card)
    assert "the customer is due a status update (1.1 business days)" in check

    written = "Engineering found the cause; a fix ships with 6.1.3 on Friday."
    freeze(desk, central(2026, 12, 1, 11))
    answer = await sam.executes(
        reminder, SENT, number="KD-1001", purpose="status_update", text=written
    )
    assert texts(replied_card(answer))[0] == "KD-1001: status update sent"
    assert (await timeline_lines(desk, "KD-1001"))[-1] == (
        f"Sam sent the customer a status update (sent by hand): {written}"
    )
    assert "the customer is due a status update" not in " ".join(
        texts((await sam.says("check")).card)
    )

    # A business day after that update, the next one is due.
    assert await reminders_to(desk, sam, central(2026, 12, 2, 10)) == []
    [_] = await reminders_to(desk, sam, central(2026, 12, 2, 11))


async def test_a_ticket_that_is_not_escalated_is_due_no_update(desk: Desk):
    sam = kinetic_user(desk, "sam")
    await sam.says("whoami")
    await kinetic_ticket(desk, MONDAY_9AM, status="with_team")
    assert await reminders_to(desk, sam, central(2026, 12, 2, 9), central(2026, 12, 9, 9)) == []


async def test_a_message_card_refuses_an_empty_text_and_a_stranger_and_loses_nothing(desk: Desk):
    sam, devon = kinetic_user(desk, "sam"), kinetic_user(desk, "devon")
    await sam.says("whoami")
    filed = await kinetic_ticket(desk, MONDAY_9AM, environment="production", status="with_team")
    await escalate_at_once(desk, filed, MONDAY_9AM)
    [reminder] = await reminders_to(desk, sam, central(2026, 12, 1, 9))
    freeze(desk, central(2026, 12, 1, 10))

    empty = await sam.executes(reminder, SENT, number="KD-1001", purpose="status_update", text=" ")
    assert empty.body["value"] == "The message to the customer needs some text."
    odd = await sam.executes(reminder, SENT, number="KD-1001", purpose="gossip", text="Hi")
    assert odd.body["value"] == "That card does not say what the message is for; open the ticket."
    long = await sam.executes(
        reminder, SENT, number="KD-1001", purpose="status_update", text="x" * 4001
    )
    assert long.status == 200 and "4,000" in str(long.body)
    stranger = await devon.executes(
        reminder, SENT, number="KD-1001", purpose="status_update", text=PREFILLED
    )
    assert stranger.body["value"] == (
        "Only the assignee (Sam) or someone who may resolve any ticket can write to the "
        "customer of KD-1001."
    )
    assert "status update" not in (await timeline_lines(desk, "KD-1001"))[-1]
