"""Two replicas (sender + worker each, own connection pool) on one database send nothing twice."""

from __future__ import annotations

import asyncio
from collections import Counter

from botbuilder.core import MessageFactory

from services.db import Database
from services.db.outbox import OutboxMessage, OutboxRepository
from services.delivery import Recipient
from services.settings import Settings
from tests.fixtures.databases import OpenDatabase
from tests.harness.connector import FakeConnector
from tests.harness.outbox import PEOPLE, all_sent, remember_chats, replica


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
