"""Once Teams has answered a send, the outbox records it as sent, whatever happens next.

Teams takes no idempotency key, so an answered send whose record is lost goes out a second
time. Each test breaks something just after the answer and checks the message arrives once.
"""

from __future__ import annotations

import asyncio
import sqlite3

from botbuilder.core import MessageFactory
from sqlalchemy.exc import OperationalError

from services.db import Database
from services.db.outbox import OutboxMessage, OutboxRepository
from services.delivery import DeliverySettings, Recipient
from services.settings import Settings
from tests.fixtures.databases import OpenDatabase
from tests.harness.connector import FakeConnector
from tests.harness.outbox import remember_chats, replica

# Short leases, so a claim left behind runs out within the test.
SHORT = DeliverySettings(
    _env_file=None,
    max_attempts=4,
    retry_base_seconds=0.01,
    retry_cap_seconds=0.05,
    poll_seconds=0.05,
    lease_seconds=1.0,
    send_timeout_seconds=0.3,
    max_wait_seconds=0.2,
)
TEXT = "Line 3 is down"


def page(key: str = "page:1") -> OutboxMessage:
    """A message for person-0, who has a chat with the bot."""
    return OutboxMessage(key, "person", "person-0", MessageFactory.text(TEXT).serialize())


def copies(connector: FakeConnector) -> int:
    """How many times the page reached Teams."""
    return sum(1 for s in connector.sent if s.text == TEXT)


async def settled(outbox: OutboxRepository, key: str = "page:1") -> OutboxMessage:
    """The row once no sender holds it and it is no longer pending."""
    async with asyncio.timeout(10):
        while True:
            message = await outbox.find(key)
            if message is not None and message.claimed_by is None and message.status != "pending":
                return message
            await asyncio.sleep(0.02)  # the outbox has no change feed to wait on


def late_records(outbox: OutboxRepository, monkeypatch, seconds: float) -> asyncio.Event:
    """Make recording a send take `seconds`; the event is set when Teams has answered."""
    answered, mark_sent = asyncio.Event(), outbox.mark_sent

    async def late(message_id: int, activity_id: str | None) -> None:
        answered.set()
        await asyncio.sleep(seconds)
        await mark_sent(message_id, activity_id)

    monkeypatch.setattr(outbox, "mark_sent", late)
    return answered


async def test_a_record_slower_than_the_send_timeout_does_not_turn_the_send_into_a_retry(
    sqlite_database: Database, settings: Settings, connector: FakeConnector, monkeypatch
):
    await remember_chats(sqlite_database, connector)
    async with replica(sqlite_database, settings, "web-1", SHORT) as one:
        late_records(one.outbox, monkeypatch, 2 * SHORT.send_timeout_seconds)
        await one.notifier.tell(Recipient.person("person-0"), MessageFactory.text(TEXT), "page:1")
        stored = await settled(one.outbox)
    assert (stored.status, stored.attempts) == ("sent", 1)
    assert copies(connector) == 1


async def test_a_sender_stopped_right_after_teams_answered_records_the_send_before_it_goes(
    sqlite_database: Database,
    open_database: OpenDatabase,
    settings: Settings,
    connector: FakeConnector,
    monkeypatch,
):
    await remember_chats(sqlite_database, connector)
    async with replica(sqlite_database, settings, "web-1", SHORT) as one:
        answered = late_records(one.outbox, monkeypatch, 0.2)
        await one.outbox.add(page())
        one.doorbell.ring()
        await answered.wait()
        await one.worker.stop(timeout=0)  # the send under way is cancelled
    second = await open_database(sqlite_database)
    async with replica(second, settings, "web-2", SHORT):
        await asyncio.sleep(SHORT.lease_seconds + 0.5)  # web-1's claims have run out
    stored = await settled(OutboxRepository(second))
    assert (stored.status, stored.activity_id) == ("sent", "bot-1")
    assert copies(connector) == 1


async def test_a_fault_in_the_pacing_after_the_answer_does_not_send_it_again(
    sqlite_database: Database, settings: Settings, connector: FakeConnector, monkeypatch
):
    await remember_chats(sqlite_database, connector)

    def broken(tenant: str, conversation: str) -> None:
        raise RuntimeError("the limiter broke")

    async with replica(sqlite_database, settings, "web-1", SHORT) as one:
        monkeypatch.setattr(one.sender.limiter, "settle", broken)
        await one.outbox.add(page())
        one.doorbell.ring()
        await connector.wait_for(lambda: copies(connector) == 1)
        await asyncio.sleep(SHORT.lease_seconds + 0.5)  # a claim left behind would run out
        stored = await settled(one.outbox)
    assert stored.status == "sent"
    assert copies(connector) == 1


async def test_a_record_the_database_refuses_once_is_written_on_the_next_try(
    sqlite_database: Database, settings: Settings, connector: FakeConnector, monkeypatch
):
    await remember_chats(sqlite_database, connector)
    async with replica(sqlite_database, settings, "web-1", SHORT) as one:
        tries, mark_sent = [], one.outbox.mark_sent

        async def flaky(message_id: int, activity_id: str | None) -> None:
            tries.append(message_id)
            if len(tries) == 1:
                locked = sqlite3.OperationalError("database is locked")
                raise OperationalError("UPDATE outbox", {}, locked)
            await mark_sent(message_id, activity_id)

        monkeypatch.setattr(one.outbox, "mark_sent", flaky)
        await one.notifier.tell(Recipient.person("person-0"), MessageFactory.text(TEXT), "page:1")
        stored = await settled(one.outbox)
    assert (stored.status, len(tries)) == ("sent", 2)
    assert copies(connector) == 1


async def test_a_claim_too_short_for_the_send_and_its_record_is_given_back_unsent(
    sqlite_database: Database, settings: Settings, connector: FakeConnector
):
    await remember_chats(sqlite_database, connector)
    async with replica(sqlite_database, settings, "web-1", SHORT) as one:
        await one.worker.stop()
        # Long enough for the send alone, not for the send and the time to record it.
        lease = SHORT.send_timeout_seconds + SHORT.record_reserve_seconds / 2
        message, _ = await one.outbox.add(page(), claimed_by="web-1", lease=lease)
        await one.sender.attempt(message, max_wait=SHORT.max_wait_seconds)
        stored = await one.outbox.get(message.id)
    assert (stored.status, stored.claimed_by, stored.attempts) == ("pending", None, 0)
    assert copies(connector) == 0
