"""Proactive messages survive a connector that fails, throttles, refuses, and senders that die."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from botbuilder.core import MessageFactory
from sqlalchemy import insert

from bot.commands import core
from bot.keys import BOT, SERVICES
from services.db.outbox import OutboxMessage
from services.db.schema import outbox
from services.db.types import utc_now
from services.delivery import Delivery, Recipient
from tests.harness.connector import DROP, Limits
from tests.harness.desk import Desk
from tests.harness.outbox import FAST, MAX_ATTEMPTS
from tests.harness.pager import pager
from tests.harness.tickets import personal_chat


@pytest.fixture
async def paging_desk(settings, connector) -> AsyncIterator[Desk]:
    """A desk with the pager feature and fast delivery settings."""
    running = Desk(
        settings.model_copy(update={"delivery": FAST}), connector, features=[core, pager]
    )
    await running.start()
    yield running
    await running.close()


def to(desk: Desk, chat) -> list:
    """What reached a person's chat so far."""
    return [s for s in desk.connector.sent if s.conversation_id == personal_chat(chat)]


async def settled(desk: Desk, key: str, timeout: float = 5.0) -> OutboxMessage:
    """The outbox row once its sender is done with it (the send is recorded just after)."""
    outbox = desk.app[SERVICES].outbox
    async with asyncio.timeout(timeout):
        while True:
            message = await outbox.find(key)
            if message.claimed_by is None and message.status != "pending":
                return message
            await asyncio.sleep(0.01)  # the outbox has no change feed to wait on


def statuses(desk: Desk, chat) -> list[int]:
    """The status of every attempt to send or update in a person's chat."""
    return [status for c, status in desk.connector.attempts if c == personal_chat(chat)]


async def test_a_message_outlasts_failures_throttling_and_a_hang_up_and_arrives_once(
    paging_desk: Desk,
):
    mary, kevin = paging_desk.user("Mary"), paging_desk.user("Kevin")
    await kevin.says("help")
    paging_desk.connector.fail_next(personal_chat(kevin), 502, 429, DROP)
    answer = await mary.says("page kevin Line 3 is down")
    assert answer.texts[0] == "queued"  # tried after the answer: it failed; the worker carries on
    await paging_desk.connector.wait_for(lambda: len(to(paging_desk, kevin)) == 2)
    assert [s.text for s in to(paging_desk, kevin)][1:] == ["Line 3 is down"]
    assert statuses(paging_desk, kevin) == [200, 502, 429, DROP, 200]  # the help reply, then ours
    stored = await settled(paging_desk, "page:kevin:Line 3 is down")
    assert (stored.status, stored.attempts) == ("sent", 4)


async def test_a_blocked_app_is_tried_once_and_triage_is_told(paging_desk: Desk):
    mary, jordan = paging_desk.user("Mary"), paging_desk.user("Jordan")
    await jordan.says("help")
    paging_desk.connector.refuse[personal_chat(jordan)] = 403
    answer = await mary.says("page jordan Parts arrived")
    assert answer.texts[0] == "queued"

    def triage_notices() -> list[str]:
        texts = [s.text or "" for s in to(paging_desk, mary)]
        return [t for t in texts if t.startswith("I couldn't deliver")]

    await paging_desk.connector.wait_for(lambda: bool(triage_notices()))
    notice = triage_notices()[0]
    assert notice.startswith("I couldn't deliver a message to Jordan: they have removed or blocked")
    assert "HTTP" not in notice
    assert "when they open the app again. It said: Parts arrived" in notice
    assert statuses(paging_desk, jordan) == [200, 403]  # not retried
    assert not (await paging_desk.app[SERVICES].references.for_person("jordan")).usable


async def test_after_the_last_attempt_a_message_is_dead_and_triage_is_told(paging_desk: Desk):
    mary, kevin = paging_desk.user("Mary"), paging_desk.user("Kevin")
    await kevin.says("help")
    paging_desk.connector.fail_next(personal_chat(kevin), *[503] * MAX_ATTEMPTS, 200)
    await mary.says("page kevin Call the customer")
    await paging_desk.connector.wait_for(lambda: len(to(paging_desk, mary)) >= 2)
    assert "gave up on it. It said: Call the customer" in to(paging_desk, mary)[-1].text
    assert statuses(paging_desk, kevin) == [200] + [503] * MAX_ATTEMPTS
    stored = await settled(paging_desk, "page:kevin:Call the customer")
    assert (stored.status, stored.attempts) == ("dead", MAX_ATTEMPTS)
    assert stored.last_error.startswith(f"HTTP 503, and that was attempt {MAX_ATTEMPTS}")


async def test_a_payload_teams_rejects_is_not_retried(paging_desk: Desk):
    mary, kevin = paging_desk.user("Mary"), paging_desk.user("Kevin")
    await kevin.says("help")
    paging_desk.connector.fail_next(personal_chat(kevin), 400)
    await mary.says("page kevin Broken card")
    await paging_desk.connector.wait_for(lambda: len(to(paging_desk, mary)) >= 2)
    assert statuses(paging_desk, kevin) == [200, 400]
    stored = await settled(paging_desk, "page:kevin:Broken card")
    assert stored.status == "dead"


async def test_a_notice_about_a_notice_to_triage_that_failed_is_never_sent(paging_desk: Desk):
    mary, allison, kevin = (paging_desk.user(n) for n in ("Mary", "Allison", "Kevin"))
    for person in (mary, allison, kevin):
        await person.says("help")
    paging_desk.connector.refuse[personal_chat(mary)] = 403
    paging_desk.connector.refuse[personal_chat(allison)] = 403
    await kevin.says("page mary Please call me")
    # Mary (triage) blocked the app: Allison, who triages too, is told; that fails as well,
    # and nobody is told about that.
    await paging_desk.connector.wait_for(lambda: statuses(paging_desk, allison)[-1:] == [403])
    message = await settled(paging_desk, "page:mary:Please call me")
    notice = await settled(paging_desk, f"undeliverable:{message.id}:allison")
    assert (message.status, notice.status) == ("waiting", "waiting")
    assert await paging_desk.app[SERVICES].outbox.counts() == {
        "pending": 0,
        "waiting": 2,
        "sent": 0,
        "dead": 0,
    }
    assert statuses(paging_desk, mary) == [200, 403]


async def test_a_message_claimed_by_a_sender_that_died_is_sent_once_its_lease_runs_out(
    paging_desk: Desk,
):
    kevin = paging_desk.user("Kevin")
    await kevin.says("help")
    services = paging_desk.app[SERVICES]
    # Another replica claimed it and died mid-send; its lease runs out in a moment.
    now = utc_now()
    row = {"dedupe_key": "crashed:1", "target_kind": "person", "target": "kevin"}
    row |= {"payload": {"type": "message", "text": "Left behind"}, "status": "pending"}
    row |= {"created_at": now, "updated_at": now, "next_attempt_at": now}
    row |= {"claimed_by": "dead-replica", "claimed_until": now + timedelta(seconds=0.3)}
    async with services.db.engine.begin() as connection:
        await connection.execute(insert(outbox).values(**row))
    message = await services.outbox.find("crashed:1")
    await paging_desk.connector.wait_for(
        lambda: any(s.text == "Left behind" for s in to(paging_desk, kevin))
    )
    assert [s.text for s in to(paging_desk, kevin)].count("Left behind") == 1
    stored = await settled(paging_desk, "crashed:1")
    assert (stored.id, stored.status, stored.attempts) == (message.id, "sent", 1)


async def test_a_flood_to_one_chat_is_paced_and_every_message_arrives_once(paging_desk: Desk):
    paging_desk.connector.limits = Limits()
    kevin = paging_desk.user("Kevin")
    await kevin.says("help")
    notifier = paging_desk.app[BOT].notifier
    texts = [f"Update {n}" for n in range(20)]
    first = [
        await notifier.tell(Recipient.person("kevin"), MessageFactory.text(t), t) for t in texts
    ]
    assert set(first) == {Delivery.SENT, Delivery.RETRYING}  # the pace held some back

    def delivered() -> list[str]:
        return [s.text for s in to(paging_desk, kevin) if s.text in texts]

    await paging_desk.connector.wait_for(lambda: len(delivered()) >= len(texts), timeout=15)
    assert sorted(delivered()) == sorted(texts)
    for text in texts:
        await settled(paging_desk, text)
    counts = await paging_desk.app[SERVICES].outbox.counts()
    assert counts == {"pending": 0, "waiting": 0, "sent": len(texts), "dead": 0}
