"""Without a triage channel (the shipped profile), triage works from their personal chats."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.keys import SERVICES
from cards.triage import ASSIGN
from tests.harness.cards import texts
from tests.harness.desk import Desk
from tests.harness.triage import choice_set, filing_desk, in_chat_of


@pytest.fixture
async def desk(settings, connector) -> AsyncIterator[Desk]:
    """The shipped profile (no triage channel), plus a way to file preset tickets."""
    async with filing_desk(settings, connector) as running:
        yield running


async def test_each_triager_gets_the_card_in_their_chat_and_sees_the_others_act(desk: Desk):
    mary, allison, kevin = desk.user("Mary"), desk.user("Allison"), desk.user("Kevin")
    for chat in (mary, allison, kevin):
        await chat.says("whoami")
    filed = await mary.says("file plc")
    [for_mary] = [s for s in in_chat_of(mary, filed) if s.card]
    [for_allison] = in_chat_of(allison, filed)
    assert for_mary.card == for_allison.card
    assert choice_set(for_mary.card, "assignee")["value"] == "kevin"
    assert not in_chat_of(kevin, filed)
    answer = await mary.executes(for_mary, ASSIGN, number="BP-1001", assignee="kevin")
    assert "Assigned to Kevin by Mary. The ticket is on its way to Kevin's chat." in texts(
        answer.body["value"]
    )
    [update] = [s for s in answer.sent if s.op == "update"]
    assert update.activity_id == for_allison.activity_id, "Mary's own copy is the invoke answer"
    assert len(in_chat_of(kevin, answer)) == 1
    assert not [s for s in answer.sent if s.text], "no channel, so no thread to mention Kevin in"


async def test_a_triager_without_the_app_gets_the_card_when_they_arrive(desk: Desk):
    mary = desk.user("Mary")
    await mary.says("whoami")
    await mary.says("file plc")
    held = await desk.app[SERVICES].outbox.find("triage:BP-1001:allison")
    assert held.status == "waiting"
    arrival = await desk.user("Allison").installs_the_app()
    assert texts(arrival.cards[0])[0].startswith("Triage BP-1001")
