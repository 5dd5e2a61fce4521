"""The outbox keeps one message per fact and remembers what became of it."""

from __future__ import annotations

import asyncio

from services.db import Database
from services.db.outbox import OutboxMessage, OutboxRepository


def notice(key: str = "assign:BP-1001:kevin", target: str = "kevin") -> OutboxMessage:
    return OutboxMessage(key, "person", target, {"type": "message", "text": "You have BP-1001"})


async def test_one_message_per_dedupe_key_even_when_added_at_once(database: Database):
    outbox = OutboxRepository(database)
    results = await asyncio.gather(*(outbox.add(notice()) for _ in range(5)))
    assert sum(created for _, created in results) == 1
    assert len({message.id for message, _ in results}) == 1


async def test_a_sent_message_records_its_teams_activity_id(database: Database):
    outbox = OutboxRepository(database)
    message, _ = await outbox.add(notice())
    await outbox.mark_sent(message.id, "1:abc")
    stored = await outbox.get(message.id)
    assert (stored.status, stored.activity_id, stored.attempts) == ("sent", "1:abc", 1)
    assert stored.sent_at is not None


async def test_waiting_messages_are_found_by_target_oldest_first(database: Database):
    outbox = OutboxRepository(database)
    first, _ = await outbox.add(notice("a", "sean"))
    second, _ = await outbox.add(notice("b", "sean"))
    other, _ = await outbox.add(notice("c", "kevin"))
    for message in (second, first, other):
        await outbox.mark_waiting(message.id, "not installed")
    assert [m.dedupe_key for m in await outbox.waiting_for("person", "sean")] == ["a", "b"]
    assert await outbox.waiting_targets() == {("person", "sean"), ("person", "kevin")}
    await outbox.mark_failed(first.id, "502")
    assert (await outbox.get(first.id)).attempts == 1
