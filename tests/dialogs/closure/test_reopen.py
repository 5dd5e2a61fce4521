"""Process 8 when a fix does not hold: reopening, counted, on the timeline, and told."""

from __future__ import annotations

from cards.closure import CLOSURE_SUBMIT
from cards.ticket import REOPEN, RESOLVE
from services.tickets import TicketStatus
from tests.harness.cards import facts, reads_as_alarm, texts
from tests.harness.desk import Answer, Chat, Desk
from tests.harness.tickets import (
    personal_chat,
    replied_card,
    replied_message,
    stored,
    ticket_for,
    timeline_lines,
)

ASKED = {
    "summary": "Replaced the worn infeed belt",
    "root_cause": "Belt past its service life",
    "confirmation": "ask",
}


async def resolved_by_kevin(desk: Desk) -> tuple[Chat, Chat]:
    """BP-1001 resolved by Kevin, asking the customer; Kevin and Allison have the app."""
    await ticket_for(desk, "kevin")
    kevin, allison = desk.user("Kevin"), desk.user("Allison")
    await allison.says("help")
    sent = (await kevin.says("ticket BP-1001")).last
    await kevin.executes(sent, RESOLVE, number="BP-1001")
    await kevin.executes(sent, CLOSURE_SUBMIT, number="BP-1001", **ASKED)
    return kevin, allison


def replies(answer: Answer, chat: Chat) -> list[dict]:
    """The cards the bot sent into `chat`'s personal chat during `answer`."""
    return [s.card for s in answer.sent if s.conversation_id == personal_chat(chat) and s.card]


def notices(answer: Answer, chat: Chat) -> list[dict]:
    """The reopen notices the bot sent into `chat`'s personal chat during `answer`."""
    return [card for card in replies(answer, chat) if " reopened · " in texts(card)[0]]


async def test_allison_reopens_on_a_customer_report_and_kevin_and_she_are_told(desk: Desk):
    kevin, allison = await resolved_by_kevin(desk)
    sent = (await allison.says("ticket BP-1001")).last

    answer = await allison.executes(
        sent,
        REOPEN,
        number="BP-1001",
        reason="Jams again after 200 cases",
        source="customer_report",
        reported_by="Dana Lee",
    )

    card = replied_card(answer)
    assert "Reopened (reopen #1). Telling Kevin, Allison." in texts(card)
    assert facts(card)["Reopened"] == "1×"
    assert facts(card)["Status"] == "Assigned"
    ticket = await stored(desk, "BP-1001")
    assert (ticket.status, ticket.reopen_count, ticket.resolved_at) == (
        TicketStatus.ASSIGNED,
        1,
        None,
    )
    assert (await timeline_lines(desk, "BP-1001"))[-1] == (
        "Allison reopened it (reopen #1, customer report from Dana Lee): Jams again after 200 cases"
    )
    (to_kevin,) = notices(answer, kevin)
    assert texts(to_kevin)[:2] == [
        "BP-1001 reopened · Sealer stops after 20 cases",
        "Allison reopened it: Jams again after 200 cases",
    ]
    assert facts(to_kevin)["Reopens"] == "1×"
    assert facts(to_kevin)["Source"] == "Customer report from Dana Lee"
    assert notices(answer, allison) == [to_kevin]


async def test_each_reopen_counts_and_is_told_once(desk: Desk):
    kevin, allison = await resolved_by_kevin(desk)
    jordan = desk.user("Jordan")
    first = await jordan.says("reopen BP-1001 Still jams on the night shift")
    assert texts(replies(first, jordan)[0])[1] == "Reopened (reopen #1). Telling Kevin, Allison."
    assert len(notices(first, kevin)) == len(notices(first, allison)) == 1

    sent = (await kevin.says("ticket BP-1001")).last
    await kevin.executes(sent, RESOLVE, number="BP-1001")
    await kevin.executes(sent, CLOSURE_SUBMIT, number="BP-1001", **ASKED)
    second = await kevin.says("reopen 1001 The belt slips as well")

    assert (await stored(desk, "BP-1001")).reopen_count == 2
    assert facts(notices(second, allison)[0])["Reopens"] == "2×"
    (to_kevin,) = notices(second, kevin)
    assert facts(to_kevin)["Reopens"] == "2×"
    assert texts(to_kevin)[1] == "Kevin reopened it: The belt slips as well"
    lines = [line for line in await timeline_lines(desk, "BP-1001") if "reopened" in line]
    assert lines == [
        "Jordan reopened it (reopen #1, by staff): Still jams on the night shift",
        "Kevin reopened it (reopen #2, by staff): The belt slips as well",
    ]


async def test_the_reopener_learns_who_cannot_be_reached_yet(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")  # Allison has never opened the app
    sent = (await kevin.says("ticket BP-1001")).last
    await kevin.executes(sent, RESOLVE, number="BP-1001")
    await kevin.executes(sent, CLOSURE_SUBMIT, number="BP-1001", **ASKED)

    jordan = desk.user("Jordan")
    answer = await jordan.says("reopen BP-1001 Still jams on the night shift")

    # Said once, apart from the headline and plainly: what happens next, not an alarm.
    card = replies(answer, jordan)[0]
    assert texts(card)[1:3] == [
        "Reopened (reopen #1). Telling Kevin.",
        "Allison hasn't installed the Support Desk app yet and gets this when they open it; "
        "send Allison the install link if it is urgent.",
    ]
    assert not reads_as_alarm(card, "hasn't installed")
    assert len(notices(answer, kevin)) == 1
    arrival = await desk.user("Allison").says("whoami")
    assert [texts(card)[0] for card in arrival.cards][:1] == [
        "BP-1001 reopened · Sealer stops after 20 cases"
    ]


async def test_a_customer_report_names_who_reported_it(desk: Desk):
    _, allison = await resolved_by_kevin(desk)
    sent = (await allison.says("ticket BP-1001")).last
    refused = await allison.executes(
        sent, REOPEN, number="BP-1001", reason="Jams again", source="customer_report"
    )
    assert replied_message(refused) == (
        "Say who at the customer reported that BP-1001 is not fixed."
    )
    assert (await stored(desk, "BP-1001")).reopen_count == 0


async def test_an_open_ticket_cannot_be_reopened(desk: Desk):
    await ticket_for(desk, "kevin")
    answer = await desk.user("Allison").says("reopen BP-1001 Looks wrong")
    assert answer.texts == [
        "BP-1001 is Assigned, not resolved or closed, so there is nothing to reopen."
    ]
