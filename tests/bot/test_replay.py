"""Teams re-sends a slow activity with the same id: it is applied once, and answered the same."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import func, select, update

from bot.keys import SERVICES
from cards.ticket import ADD_NOTE
from services.db.receipts import Claim, current_receipt, receipt_key, stamp
from services.db.schema import activity_receipts
from services.db.types import utc_now
from tests.harness import activities as act
from tests.harness.desk import Desk
from tests.harness.tickets import stored, ticket_for, timeline_lines


def _note_click(desk: Desk, sent_id: str, **data) -> dict:
    kevin = desk.user("Kevin")
    fields = {"number": "BP-1001", "body": "Replaced the encoder cable", "public": "false"}
    return act.execute_action(kevin.user, ADD_NOTE, fields | data, sent_id, desk.service_url)


async def _notes(desk: Desk) -> list[str]:
    return [line for line in await timeline_lines(desk, "BP-1001") if "added a note" in line]


async def test_a_retried_note_is_added_once_and_the_retry_gets_the_same_card(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    click = _note_click(desk, sent.activity_id or "", minutes="30")

    first = await kevin.posts(click)
    retry = await kevin.posts(click)

    assert first.status == retry.status == 200
    assert retry.body == first.body
    assert await _notes(desk) == ["Kevin added a note (30 min): Replaced the encoder cable"]
    assert (await stored(desk, "BP-1001")).time_spent_minutes == 30


async def test_two_concurrent_copies_of_one_invoke_add_one_note_and_get_the_same_card(
    desk: Desk,
):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    click = _note_click(desk, sent.activity_id or "", minutes="15")

    one, two = await asyncio.gather(kevin.posts(click), kevin.posts(click))

    assert one.status == two.status == 200
    assert one.body == two.body
    assert one.body["type"] == "application/vnd.microsoft.card.adaptive"
    assert len(await _notes(desk)) == 1
    assert (await stored(desk, "BP-1001")).time_spent_minutes == 15


async def test_a_retried_typed_note_is_added_once_and_not_answered_twice(desk: Desk):
    await ticket_for(desk, "kevin")
    jordan = desk.user("Jordan")
    typed = act.personal_message(jordan.user, "note BP-1001 The belt is worn", desk.service_url)

    first = await jordan.posts(typed)
    retry = await jordan.posts(typed)

    assert first.texts == ["Added an internal note to BP-1001."]
    assert retry.texts == []
    assert len(await _notes(desk)) == 1


async def test_the_same_id_in_another_conversation_is_another_activity(desk: Desk):
    await ticket_for(desk, "kevin")
    jordan, kevin = desk.user("Jordan"), desk.user("Kevin")
    typed = act.personal_message(jordan.user, "note BP-1001 From Jordan", desk.service_url)
    other = act.personal_message(kevin.user, "note BP-1001 From Kevin", desk.service_url)
    other["id"] = typed["id"]

    await jordan.posts(typed)
    await kevin.posts(other)

    assert len(await _notes(desk)) == 2


async def test_a_copy_whose_first_died_after_saving_is_told_it_was_done(desk: Desk):
    await ticket_for(desk, "kevin")
    kevin = desk.user("Kevin")
    sent = (await kevin.says("ticket BP-1001")).last
    click = _note_click(desk, sent.activity_id or "")
    key = receipt_key("msteams", click["conversation"]["id"], click["id"])
    # The first copy saved a change with its receipt, then its process died: lease over.
    token = current_receipt.set(Claim(key))
    async with desk.app[SERVICES].db.engine.begin() as connection:
        await stamp(connection)
        await connection.execute(
            update(activity_receipts).values(lease_until=utc_now() - timedelta(seconds=1))
        )
    current_receipt.reset(token)

    answer = await kevin.posts(click)

    assert answer.body["type"] == "application/vnd.microsoft.activity.message"
    assert "already done" in answer.body["value"]
    assert await _notes(desk) == []


async def test_a_turn_that_changes_nothing_leaves_no_receipt(desk: Desk):
    mary = desk.user("Mary")
    typed = act.personal_message(mary.user, "help", desk.service_url)
    await mary.posts(typed)
    async with desk.app[SERVICES].db.engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(activity_receipts)) == 0
