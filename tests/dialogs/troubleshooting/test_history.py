"""The ticket card shows the newest entries and says how to see the rest: the whole timeline,
a page at a time, from a button or by typing `history <ticket> [page]`."""

from __future__ import annotations

from cards.ticket import HISTORY, REFRESH
from services.tickets.workflow import add_note
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.tickets import (
    MONDAY_9AM,
    replied_card,
    replied_message,
    services,
    ticket_for,
)


async def noted_ticket(desk: Desk, notes: int) -> None:
    """BP-1001 with Kevin, and `notes` short notes after its three first entries."""
    ticket = await ticket_for(desk, "kevin")
    profile, current, events = services(desk).profile, ticket, []
    for i in range(1, notes + 1):
        current, new = add_note(current, "kevin", profile, MONDAY_9AM, f"Check {i}")
        events.extend(new)
    await services(desk).tickets.save(current, ticket.version, events)


def entries(card: dict) -> list[str]:
    """The timeline entries a card shows, without their times."""
    return [t.split(" · ", 1)[1] for t in texts(card) if t.startswith("Mon ")]


def titles(element: dict) -> list[str]:
    return [action["title"] for action in element.get("actions", [])]


async def test_the_ticket_card_counts_what_it_leaves_out_and_pages_through_it(desk: Desk):
    await noted_ticket(desk, 30)
    kevin = desk.user("Kevin")
    shown = await kevin.says("ticket BP-1001")

    assert "21 older entries not shown: `history BP-1001` shows them all." in texts(shown.card)
    assert entries(shown.card)[0] == "Kevin added a note: Check 19"
    assert entries(shown.card)[-1] == "Kevin added a note: Check 30"

    newest = replied_card(await kevin.executes(shown.last, HISTORY, number="BP-1001"))
    assert texts(newest)[1] == "Page 1 of 2: entries 9 to 33 of 33."
    assert entries(newest)[-1] == "Kevin added a note: Check 30"
    assert titles(newest) == ["Older", "Back to the ticket"]
    oldest = replied_card(await kevin.executes(shown.last, HISTORY, number="BP-1001", page=2))
    assert texts(oldest)[1] == "Page 2 of 2: entries 1 to 8 of 33."
    assert entries(oldest)[0] == "Mary filed it"
    assert titles(oldest) == ["Newer", "Back to the ticket"]
    back = replied_card(await kevin.executes(shown.last, REFRESH, number="BP-1001"))
    assert texts(back)[0] == texts(shown.card)[0]


async def test_history_is_typed_with_the_ticket_and_a_page(desk: Desk):
    await noted_ticket(desk, 30)
    kevin = desk.user("Kevin")
    assert texts((await kevin.says("history bp 1001")).card)[1].startswith("Page 1 of 2")
    assert texts((await kevin.says("history 1001 2")).card)[1].startswith("Page 2 of 2")
    assert texts((await kevin.says("history BP-1001 99999")).card)[1].startswith("Page 2 of 2")
    assert (await kevin.says("history BP-9999")).texts == ["There is no ticket BP-9999."]
    forged = await kevin.executes(
        (await kevin.says("ticket BP-1001")).last, HISTORY, number="BP-1001", page=10**9
    )
    assert replied_message(forged) == (
        "I couldn't read that card: page: Enter the page as a whole number from 1 to 10,000."
    )


async def test_a_short_timeline_has_no_history_pointer(desk: Desk):
    await noted_ticket(desk, 3)
    card = (await desk.user("Kevin").says("ticket BP-1001")).card
    assert not [t for t in texts(card) if "older" in t]
    assert len(entries(card)) == 6
