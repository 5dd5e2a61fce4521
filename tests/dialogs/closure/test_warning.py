"""Closing a ticket the customer never answered, on a desk that warns them first.

The Kinetic desk keeps its tickets itself here, so it cannot write to customers: when KD-1001
has waited 7 business days on its contact, Sam (its owner) is handed the warning to send. The
ticket closes 3 business days after he says it went out, not before, and the scorecard counts
it apart, as closed for no answer. Business days here are 08:00-17:00 Central.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cards.customer_message import SENT
from cards.ticket import SET_STATUS
from services.scheduler import skipping
from services.settings import Settings
from services.tickets import TicketStatus
from tests.harness.cards import facts, texts
from tests.harness.clock import freeze, tick
from tests.harness.connector import Sent
from tests.harness.desk import Chat, Desk
from tests.harness.routines import central, kinetic_settings, kinetic_ticket, kinetic_user
from tests.harness.tickets import cards_in_chat, replied_card, stored, timeline_lines

MONDAY_9AM = central(2026, 11, 30, 9)
WARNING = (
    "We have not heard from you about KD-1001 (Approval node never completes.). Unless you "
    "reply, we will close it in 3 business days; a reply, even a short one, keeps it open."
)


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    """The shipped Kinetic desk: it warns its customers after 7 silent business days of 10."""
    return kinetic_settings(settings, tmp_path)


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody skipped yet by this process's jobs (another test may have run them)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


async def handed_to(desk: Desk, chat: Chat, *moments) -> list[Sent]:
    """Run the scheduler at each moment; the warnings handed to this person meanwhile."""
    mark = len(desk.connector.sent)
    for moment in moments:
        await tick(desk, moment)
        await desk.settled()  # several notices to one chat in a tick are paced out
    return cards_in_chat(desk, chat, mark, lambda heading: heading.startswith("Warn the customer"))


async def test_sam_sends_the_warning_himself_then_the_ticket_closes_and_counts_apart(desk: Desk):
    sam = kinetic_user(desk, "sam")
    await sam.says("whoami")
    await kinetic_ticket(desk, MONDAY_9AM, status="waiting_on_contact")

    assert await handed_to(desk, sam, central(2026, 12, 8, 9), central(2026, 12, 8, 16)) == []
    [card] = await handed_to(desk, sam, central(2026, 12, 9, 9), central(2026, 12, 9, 10))
    shown = texts(card.card)
    assert shown[0] == "Warn the customer of KD-1001 before it closes"
    assert shown[1] == (
        "The desk cannot send it: this desk keeps its tickets itself and has no way to write "
        "to customers, so the message is yours to send. Send it to the customer yourself (edit "
        "it first if you like), then press Sent it."
    )
    assert facts(card.card)["Contact"] == "dana@customer.example"
    [text_input] = [e for e in card.card["body"] if e["type"] == "Input.Text"]
    assert text_input["value"] == WARNING
    assert [a["title"] for a in card.card["actions"]] == ["Sent it", "Open ticket"]

    # Ten silent days, but nobody said the warning went out: the ticket stays open.
    await tick(desk, central(2026, 12, 14, 9))
    assert (await stored(desk, "KD-1001")).status is TicketStatus.WAITING_ON_CUSTOMER

    freeze(desk, central(2026, 12, 14, 10))
    answer = await sam.executes(card, SENT, number="KD-1001", purpose="close_warning", text=WARNING)
    done = replied_card(answer)
    assert texts(done)[0] == "KD-1001: the customer was warned"
    assert texts(done)[1] == (
        "Sam warned the customer that it closes without a reply (sent by hand), "
        "Mon 14 Dec 2026 10:00 CST."
    )
    again = await sam.executes(card, SENT, number="KD-1001", purpose="close_warning", text=WARNING)
    assert again.body["value"] == "The warning to KD-1001's customer is already recorded."

    await tick(desk, central(2026, 12, 17, 9))
    assert (await stored(desk, "KD-1001")).status is TicketStatus.WAITING_ON_CUSTOMER
    await tick(desk, central(2026, 12, 17, 10))
    closed = await stored(desk, "KD-1001")
    assert (closed.status, closed.closed_at) == (TicketStatus.CLOSED, central(2026, 12, 17, 10))
    assert (await timeline_lines(desk, "KD-1001"))[-2:] == [
        f"Sam warned the customer that it closes without a reply (sent by hand): {WARNING}",
        "The desk closed it: no answer from the customer in 13.11 business days",
    ]

    freeze(desk, central(2026, 12, 21, 9))
    answer = await sam.says("scorecard last week")
    # What the scheduler held for Sam meanwhile (his daily check) arrives with the answer.
    [scorecard] = [c for c in answer.cards if texts(c)[0] == "Weekly scorecard · 2026-W51"]
    assert facts(scorecard)["Closed for no answer"].startswith("1 · ")
    assert facts(scorecard)["Tickets closed"].startswith("1 · ")


async def test_a_customer_who_answers_after_the_warning_is_warned_afresh_before_a_close(
    desk: Desk,
):
    sam = kinetic_user(desk, "sam")
    await sam.says("whoami")
    await kinetic_ticket(desk, MONDAY_9AM, status="waiting_on_contact")
    [card] = await handed_to(desk, sam, central(2026, 12, 9, 9))
    freeze(desk, central(2026, 12, 9, 10))
    await sam.executes(card, SENT, number="KD-1001", purpose="close_warning", text=WARNING)

    # Thursday the contact writes back; Sam works on it, then waits on them again.
    ticket_card = (await sam.says("ticket KD-1001")).last
    freeze(desk, central(2026, 12, 10, 9))
    await sam.executes(ticket_card, SET_STATUS, number="KD-1001", status="waiting_on_us")
    freeze(desk, central(2026, 12, 10, 11))
    await sam.executes(ticket_card, SET_STATUS, number="KD-1001", status="waiting_on_contact")

    # The old warning was for a silence that ended: no close three days after it.
    assert await handed_to(desk, sam, central(2026, 12, 14, 10), central(2026, 12, 18, 16)) == []
    assert (await stored(desk, "KD-1001")).status is TicketStatus.WAITING_ON_CUSTOMER
    [again] = await handed_to(desk, sam, central(2026, 12, 21, 11))
    assert texts(again.card)[0] == "Warn the customer of KD-1001 before it closes"
