"""Process 8 while the customer is silent: reminders to chase them, then the silent close.

Kevin resolves on Monday 30 Nov 2026 at 09:00 Pacific and asks the customer to confirm. The
BestPack profile promises reminders after 2 and 4 business days of silence and closes after 5;
the scheduler looks every hour in business hours.
"""

from __future__ import annotations

from datetime import timedelta

from cards.closure import CLOSURE_SUBMIT, CONFIRM
from cards.ticket import RESOLVE
from services.tickets import TicketStatus
from services.tickets.autoclose import close_silent_tickets
from tests.harness.cards import facts, texts
from tests.harness.clock import tick
from tests.harness.connector import Sent
from tests.harness.desk import Chat, Desk
from tests.harness.domain import weekdays_later
from tests.harness.tickets import (
    MONDAY_9AM,
    freeze,
    personal_chat,
    services,
    stored,
    ticket_for,
    timeline_lines,
)

ASKED = {
    "summary": "Replaced the worn infeed belt",
    "root_cause": "Belt past its service life",
    "confirmation": "ask",
}


async def resolve_asking(chat: Chat, number: str) -> None:
    """Resolve through the closure card, asking the customer to confirm."""
    sent = (await chat.says(f"ticket {number}")).last
    await chat.executes(sent, RESOLVE, number=number)
    await chat.executes(sent, CLOSURE_SUBMIT, number=number, **ASKED)


def reminders_to(desk: Desk, chat: Chat, mark: int) -> list[Sent]:
    """The closure reminders sent to this person's chat since `mark`."""
    return [
        sent
        for sent in desk.connector.since(mark)
        if sent.conversation_id == personal_chat(chat)
        and sent.card
        and texts(sent.card)[0].startswith("Reminder:")
    ]


async def reminded_at(desk: Desk, chat: Chat, *moments) -> list[str]:
    """Run the scheduler at each moment; the first line of each reminder it sent."""
    mark = len(desk.connector.sent)
    for moment in moments:
        await tick(desk, moment)
    return [texts(sent.card)[0] for sent in reminders_to(desk, chat, mark)]


async def test_kevin_is_reminded_after_two_and_four_silent_days_once_each(desk: Desk):
    kevin = desk.user("Kevin")
    for subject in ("Sealer stops after 20 cases", "Label skew"):
        await ticket_for(desk, "kevin", subject)
    freeze(desk, MONDAY_9AM)
    for number in ("BP-1001", "BP-1002"):
        await resolve_asking(kevin, number)
    one_hour_before = weekdays_later(2) - timedelta(hours=1)

    assert await reminded_at(desk, kevin, weekdays_later(1), one_hour_before) == []
    mark = len(desk.connector.sent)
    assert await reminded_at(desk, kevin, weekdays_later(2)) == [
        "Reminder: the customer has not confirmed BP-1001",
        "Reminder: the customer has not confirmed BP-1002",
    ]
    [first, second] = reminders_to(desk, kevin, mark)
    assert texts(first.card)[1] == (
        "No word from the customer for 2 business days since it was resolved. "
        "Ask them whether the fix holds, and record their answer here."
    )
    assert facts(first.card) == {
        "Ticket": "BP-1001 · Sealer stops after 20 cases",
        "Resolved": "Mon 30 Nov 2026 09:00 PST",
    }
    assert texts(first.card)[-1] == ("Without an answer it closes by itself after 5 business days.")
    later_that_day = weekdays_later(2) + timedelta(hours=3)
    assert await reminded_at(desk, kevin, later_that_day, weekdays_later(3)) == []

    # Thursday: the customer of BP-1002 confirms; Kevin records it from the reminder.
    freeze(desk, weekdays_later(3))
    await kevin.executes(
        second, CONFIRM, number="BP-1002", confirmed_by="Dana Lee", confirmed_via="phone"
    )
    assert (await stored(desk, "BP-1002")).status is TicketStatus.CLOSED

    assert await reminded_at(desk, kevin, weekdays_later(4)) == [
        "Reminder: the customer has not confirmed BP-1001"
    ]
    [fourth_day] = reminders_to(desk, kevin, mark)[2:]
    assert "for 4 business days" in texts(fourth_day.card)[1]

    # Monday: the fifth silent day closes BP-1001, and nothing reminds anyone of it after.
    assert await reminded_at(desk, kevin, weekdays_later(5), weekdays_later(6)) == []
    assert (await stored(desk, "BP-1001")).status is TicketStatus.CLOSED


async def test_a_ticket_reopened_and_resolved_again_is_reminded_afresh(desk: Desk):
    kevin = desk.user("Kevin")
    await ticket_for(desk, "kevin")
    freeze(desk, MONDAY_9AM)
    await resolve_asking(kevin, "BP-1001")
    assert len(await reminded_at(desk, kevin, weekdays_later(2))) == 1

    freeze(desk, weekdays_later(2))
    await kevin.says("reopen BP-1001 The belt slips as well")
    await resolve_asking(kevin, "BP-1001")

    assert await reminded_at(desk, kevin, weekdays_later(3)) == []
    assert await reminded_at(desk, kevin, weekdays_later(4)) == [
        "Reminder: the customer has not confirmed BP-1001"
    ]


async def test_silence_closes_a_resolved_ticket_after_five_business_days_not_four(desk: Desk):
    await ticket_for(desk, "kevin")
    freeze(desk, MONDAY_9AM)
    await resolve_asking(desk.user("Kevin"), "BP-1001")
    app = services(desk)

    assert await close_silent_tickets(app, weekdays_later(4)) == []
    assert (await stored(desk, "BP-1001")).status is TicketStatus.RESOLVED
    assert await close_silent_tickets(app, weekdays_later(5)) == ["BP-1001"]
    ticket = await stored(desk, "BP-1001")
    assert (ticket.status, ticket.closed_at) == (TicketStatus.CLOSED, weekdays_later(5))
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        "The desk closed it: no answer from the customer in 5.0 business days"
    )
    assert await close_silent_tickets(app, weekdays_later(6)) == []
