"""`sync status`: a manager hears what waits for Zendesk, how long, and what it refused."""

from __future__ import annotations

from cards.ticket import ADD_NOTE
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk, refuse
from tests.harness.sync import Clock
from tests.harness.triage import in_channel, triage_desk
from tests.harness.zendesk_desk import deliver


async def test_a_manager_hears_the_queue_and_the_refusals_with_their_reasons(
    desk: Desk, zendesk: FakeZendesk, clock: Clock
):
    mary, kevin, _ = await triage_desk(desk)
    in_channel(await mary.says("file plc"))
    await mary.says("assign BP-1001 kevin")
    await deliver(desk, clock)
    card = (await kevin.says("ticket BP-1001")).last
    await kevin.executes(card, ADD_NOTE, number="BP-1001", body="Rung 12", public="false")
    zendesk.fail_next(refuse(422))
    await deliver(desk, clock)
    await kevin.executes(card, ADD_NOTE, number="BP-1001", body="Rung 13", public="false")
    clock.advance(42 * 60)
    answer = await desk.user("Allison").says("sync status")
    assert answer.texts == [
        "Zendesk: 1 change waiting to be sent, the oldest for 42 minutes; 1 refused or given "
        "up.\n\nRefused or given up, newest first:\n\n- BP-1001 (update by Kevin, Zendesk): "
        "Scripted"
    ]


async def test_it_is_for_those_who_watch_the_sync_and_says_so(desk: Desk):
    answer = await desk.user("Kevin").says("sync status")
    assert answer.texts == ["Only Mary or Allison may check the ticket sync."]


async def test_a_desk_without_zendesk_has_nothing_to_sync(settings, connector):
    embedded = Desk(settings, connector)
    await embedded.start()
    try:
        answer = await embedded.user("Allison").says("sync status")
    finally:
        await embedded.close()
    assert answer.texts == ["The tickets are kept in the bot's own database: nothing is synced."]
