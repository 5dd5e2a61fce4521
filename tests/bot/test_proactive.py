"""Proactive messages: delivered through stored references, held when nobody can receive them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.commands import core
from bot.keys import SERVICES
from tests.harness.desk import Desk
from tests.harness.pager import pager
from tests.harness.tickets import personal_chat


@pytest.fixture
async def paging_desk(settings, connector) -> AsyncIterator[Desk]:
    """A desk with the pager feature."""
    running = Desk(settings, connector, features=[core, pager])
    await running.start()
    yield running
    await running.close()


async def test_a_colleague_who_has_the_app_gets_the_message_in_their_chat(paging_desk: Desk):
    mary, kevin = paging_desk.user("Mary"), paging_desk.user("Kevin")
    await kevin.says("help")
    answer = await mary.says("page kevin Line 3 is down")
    assert answer.texts[0] == "queued"  # what is known when the turn answers
    delivered = [s for s in answer.sent if s.conversation_id == personal_chat(kevin)]
    assert [s.text for s in delivered] == ["Line 3 is down"]


async def test_the_same_notice_twice_is_sent_once(paging_desk: Desk):
    mary, kevin = paging_desk.user("Mary"), paging_desk.user("Kevin")
    await kevin.says("help")
    await mary.says("page kevin Line 3 is down")
    again = await mary.says("page kevin Line 3 is down")
    assert again.texts == ["sent"]  # the first one went out after its turn
    assert not [s for s in again.sent if s.conversation_id == personal_chat(kevin)]


async def test_a_message_for_someone_without_the_app_waits_until_they_arrive(paging_desk: Desk):
    mary, sean = paging_desk.user("Mary"), paging_desk.user("Sean")
    answer = await mary.says("page sean Please call the customer")
    assert answer.texts == ["held_no_app"]
    arrival = await sean.installs_the_app()
    to_sean = [s for s in arrival.sent if s.conversation_id == personal_chat(sean)]
    assert to_sean[0].text == "Please call the customer"  # held message first, then the hello
    assert to_sean[1].card is not None
    later = await sean.says("help")
    assert all(s.text != "Please call the customer" for s in later.sent)


async def test_a_blocked_app_marks_the_chat_unusable_and_holds_the_message(paging_desk: Desk):
    mary, jordan = paging_desk.user("Mary"), paging_desk.user("Jordan")
    await jordan.says("help")
    paging_desk.connector.refuse[personal_chat(jordan)] = 403
    answer = await mary.says("page jordan Parts arrived")
    # Queued while the turn answered; refused after it, so Mary hears why and what happens next.
    assert answer.texts[0] == "queued"
    assert any("Jordan has removed or blocked" in text for text in answer.texts[1:])
    stored = await paging_desk.app[SERVICES].references.for_person("jordan")
    assert not stored.usable
    del paging_desk.connector.refuse[personal_chat(jordan)]
    back = await jordan.says("help")
    to_jordan = [s for s in back.sent if s.conversation_id == personal_chat(jordan)]
    assert to_jordan[0].text == "Parts arrived"
