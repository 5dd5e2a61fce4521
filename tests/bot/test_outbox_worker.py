"""The outbox worker's rhythm: while the chats it holds are busy, it sleeps instead of looking."""

from __future__ import annotations

import asyncio

from botbuilder.core import MessageFactory

from services.db import Database
from services.db.outbox import OutboxMessage, OutboxRepository
from services.delivery import DeliverySettings
from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.outbox import remember_chats, replica

# Small queues and a slow pace, so a backlog of ten keeps one chat's queue full for seconds.
SMALL_QUEUES = DeliverySettings(
    _env_file=None,
    poll_seconds=0.5,
    lease_seconds=5.0,
    send_timeout_seconds=2.0,
    max_wait_seconds=1.0,
    conversation_per_second=4,
    per_conversation=4,
)


async def test_a_backlog_for_one_chat_drains_without_the_worker_querying_in_a_loop(
    sqlite_database: Database, settings: Settings, connector: FakeConnector, monkeypatch
):
    await remember_chats(sqlite_database, connector)
    outbox = OutboxRepository(sqlite_database)
    texts = [f"Backlog {n}" for n in range(10)]  # all due now, for one person
    for text in texts:
        await outbox.add(
            OutboxMessage(text, "person", "person-0", MessageFactory.text(text).serialize())
        )
    async with replica(sqlite_database, settings, "web-1", SMALL_QUEUES) as one:
        looks, next_due = [], one.outbox.next_due

        async def counted(*args, **kwargs):
            looks.append(1)
            return await next_due(*args, **kwargs)

        monkeypatch.setattr(one.outbox, "next_due", counted)
        one.doorbell.ring()
        await connector.wait_for(lambda: len(connector.sent) >= len(texts), timeout=10)
        await asyncio.sleep(0.2)
    assert sorted(s.text for s in connector.sent) == sorted(texts)
    # The person's queue was full, so their due messages were its own to claim when it ran
    # dry, not the worker's to look for: counted as due, they had it look again at once.
    assert len(looks) < 30  # it was 200 to 300
