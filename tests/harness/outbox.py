"""Proactive delivery for tests: fast delivery settings, and bot replicas that share a database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.adapter import create_adapter
from bot.notifier import Notifier
from bot.outbox_sender import OutboxSender
from bot.outbox_worker import OutboxWorker
from bot.references import ReferenceBook
from services.db import Database
from services.db.conversations import ConversationRefRepository, StoredReference
from services.db.outbox import OutboxRepository
from services.delivery import DeliverySettings, Doorbell
from services.profile import load_profile
from services.settings import Settings
from tests.harness.activities import BOT_ID, TENANT_ID
from tests.harness.connector import FakeConnector

MAX_ATTEMPTS = 4
# Real back-off and pacing, with times shrunk so a test takes a moment.
FAST = DeliverySettings(
    _env_file=None,
    max_attempts=MAX_ATTEMPTS,
    retry_base_seconds=0.01,
    retry_cap_seconds=0.05,
    poll_seconds=0.05,
    lease_seconds=5.0,
    send_timeout_seconds=2.0,
    max_wait_seconds=1.0,
)
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
    """Everyone in PEOPLE has talked to the bot, so each has a chat the bot can write to."""
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
