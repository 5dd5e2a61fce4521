"""Two replicas (sender + worker each, own connection pool) on one database send nothing twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from botbuilder.core import MessageFactory

from bot.adapter import create_adapter
from bot.notifier import Notifier
from bot.outbox_sender import OutboxSender
from bot.outbox_worker import OutboxWorker
from bot.references import ReferenceBook
from services.db import Database
from services.db.conversations import ConversationRefRepository, StoredReference
from services.db.outbox import OutboxMessage, OutboxRepository
from services.delivery import DeliverySettings, Doorbell, Recipient
from services.profile import load_profile
from services.settings import Settings
from tests.bot.test_outbox_delivery import FAST
from tests.fixtures.databases import OpenDatabase
from tests.harness.activities import BOT_ID, TENANT_ID
from tests.harness.connector import FakeConnector

PEOPLE = [f"person-{n}" for n in range(8)]


@dataclass
class Replica:
    """What one bot process runs to deliver proactive messages."""

    notifier: Notifier
    worker: OutboxWorker
    outbox: OutboxRepository
    doorbell: Doorbell
    sender: OutboxSender


@asynccontextmanager
async def replica(
    db: Database, settings: Settings, name: str, delivery: DeliverySettings = FAST
) -> AsyncIterator[Replica]:
    """A replica's sender, worker and notifier, running until the block ends."""
    adapter, auth = create_adapter(settings)
    references, outbox = ConversationRefRepository(db), OutboxRepository(db)
    sender = OutboxSender(
        adapter,
        settings.app_id,
        references,
        ReferenceBook(references),
        outbox,
        delivery,
        runner=name,
        profile=load_profile("bestpack"),
    )
    worker = OutboxWorker(sender, outbox)
    worker.start()
    try:
        yield Replica(Notifier(sender, outbox), worker, outbox, sender.doorbell, sender)
    finally:
        await worker.stop()
        await auth.close()


async def remember_chats(db: Database, connector: FakeConnector) -> None:
    """Everyone has talked to the bot, so each has a personal chat the bot can write to."""
    references = ConversationRefRepository(db)
    for person in PEOPLE:
        reference = {
            "user": {"id": f"29:{person}", "name": person},
            "bot": {"id": BOT_ID, "name": "Support Desk"},
            "conversation": {
                "id": f"a:chat-{person}",
                "conversationType": "personal",
                "tenantId": TENANT_ID,
            },
            "channelId": "msteams",
            "serviceUrl": connector.url,
        }
        await references.upsert(
            StoredReference(f"user:{person}", "personal", person, TENANT_ID, None, None, reference)
        )


async def all_sent(outbox: OutboxRepository, total: int) -> None:
    """Until every message's send is recorded (the connector sees it a moment earlier)."""
    async with asyncio.timeout(20):
        while True:
            if (await outbox.counts())["sent"] >= total:
                return
            await asyncio.sleep(0.02)  # the outbox has no change feed to wait on


async def test_two_workers_share_the_backlog_and_send_each_message_once(
    database: Database, open_database: OpenDatabase, settings: Settings, connector: FakeConnector
):
    await remember_chats(database, connector)
    texts = [f"Backlog {n}" for n in range(120)]
    outbox = OutboxRepository(database)
    for n, text in enumerate(texts):
        payload = MessageFactory.text(text).serialize()
        await outbox.add(OutboxMessage(text, "person", PEOPLE[n % len(PEOPLE)], payload))
    second = await open_database(database)
    async with replica(database, settings, "web-1") as one, replica(second, settings, "web-2"):
        one.doorbell.ring()
        await all_sent(outbox, len(texts))
    sent = Counter(s.text for s in connector.sent)
    assert sent == Counter(texts)  # every message, each exactly once
    assert await outbox.counts() == {"pending": 0, "waiting": 0, "sent": 120, "dead": 0}


async def test_the_same_notice_from_two_replicas_at_once_is_sent_once(
    database: Database, open_database: OpenDatabase, settings: Settings, connector: FakeConnector
):
    await remember_chats(database, connector)
    second = await open_database(database)
    async with (
        replica(database, settings, "web-1") as one,
        replica(second, settings, "web-2") as two,
    ):
        # A retried turn landing on both replicas: same dedupe keys, at the same moment.
        sends = [
            r.notifier.tell(
                Recipient.person(person), MessageFactory.text(f"For {person}"), f"k:{person}"
            )
            for person in PEOPLE
            for r in (one, two)
        ]
        await asyncio.gather(*sends)
        await all_sent(one.outbox, len(PEOPLE))
    assert Counter(s.text for s in connector.sent) == Counter(f"For {p}" for p in PEOPLE)
