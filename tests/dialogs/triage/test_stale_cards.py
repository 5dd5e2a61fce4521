"""Old copies of a ticket's cards show the ticket as it stands: a held triage card when it is
delivered, a posted one when the ticket changes anywhere, any copy when its viewer opens it.

The shipped profile has no triage channel: Mary and Allison get the triage card in their chats.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from cards.ticket import ACCEPT
from cards.triage import ASSIGN
from cards.triage import REFRESH as TRIAGE_REFRESH
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.triage import filing_desk, in_chat_of


@pytest.fixture
async def desk(settings, connector) -> AsyncIterator[Desk]:
    """The shipped profile, plus a way to file preset tickets."""
    async with filing_desk(settings, connector) as running:
        yield running


def titles(card: dict) -> list[str]:
    """The titles of a card's own buttons."""
    return [action["title"] for action in card.get("actions", [])]


async def test_allisons_held_triage_card_arrives_showing_kevin_has_it(desk: Desk):
    mary, kevin, allison = desk.user("Mary"), desk.user("Kevin"), desk.user("Allison")
    for chat in (mary, kevin):  # Allison has not opened the app yet
        await chat.says("whoami")
    filed = await mary.says("file plc")
    [for_mary] = [s for s in in_chat_of(mary, filed) if s.card]
    assert "Assign" in titles(for_mary.card)
    await mary.executes(for_mary, ASSIGN, number="BP-1001", assignee="kevin")

    arrival = await allison.installs_the_app()
    [card] = [c for c in arrival.cards if texts(c)[0].startswith("Triage BP-1001")]
    assert facts(card)["Assignee"] == "Kevin"
    assert "Assign" not in titles(card), "no Assign for a ticket Kevin has"
    assert card["refresh"]["action"]["verb"] == TRIAGE_REFRESH


async def test_a_posted_triage_card_follows_the_ticket_and_refreshes_when_opened(desk: Desk):
    mary, kevin, allison = desk.user("Mary"), desk.user("Kevin"), desk.user("Allison")
    for chat in (mary, kevin, allison):
        await chat.says("whoami")
    filed = await mary.says("file plc")
    [for_allison] = in_chat_of(allison, filed)
    # Teams refreshes it for those who see it: the triagers (who have talked to the bot).
    viewers = for_allison.card["refresh"]["userIds"]
    assert mary.user.user_id in viewers and allison.user.user_id in viewers
    [for_mary] = [s for s in in_chat_of(mary, filed) if s.card]
    assigned = await mary.executes(for_mary, ASSIGN, number="BP-1001", assignee="kevin")
    [ticket_for_kevin] = [s for s in in_chat_of(kevin, assigned) if s.card]
    assert kevin.user.user_id in ticket_for_kevin.card["refresh"]["userIds"]

    # Kevin accepts on his ticket card, not on a triage card: Allison's copy shows it anyway.
    accepted = await kevin.executes(ticket_for_kevin, ACCEPT, number="BP-1001")
    updates = {s.activity_id: s.card for s in accepted.sent if s.op == "update"}
    assert set(updates) == {for_mary.activity_id, for_allison.activity_id}, "both copies"
    assert all(facts(card)["Status"] == "In progress" for card in updates.values())

    # Allison opens her old copy: Teams asks for it as it stands now and shows that.
    opened = await allison.opens(for_allison)
    card = opened.body["value"]
    assert facts(card)["Assignee"] == "Kevin" and facts(card)["Status"] == "In progress"
    assert "Assign" not in titles(card)


async def test_an_old_ticket_card_refreshes_with_the_viewers_own_buttons(desk: Desk):
    mary, kevin = desk.user("Mary"), desk.user("Kevin")
    for chat in (mary, kevin):
        await chat.says("whoami")
    await mary.says("file plc")
    shown = await mary.says("ticket BP-1001")
    [old] = [s for s in shown.sent if s.card]
    await mary.says("assign BP-1001 kevin")
    # Kevin meets Mary's copy (a group chat, say): he gets his own buttons, the ticket as it is.
    opened = await kevin.opens(old)
    card = opened.body["value"]
    assert facts(card)["Assignee"] == "Kevin"
    assert "Accept" in titles(card) and "Assigned to you by Mary" in texts(card)
