"""The outbox keeps one message per fact, hands it to one sender at a time, records its fate."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from services.db import Database
from services.db.outbox import OutboxMessage, OutboxRepository
from services.db.types import utc_now
from tests.fixtures.databases import OpenDatabase

LEASE = 60.0


def notice(key: str = "assign:BP-1001:kevin", target: str = "kevin") -> OutboxMessage:
    return OutboxMessage(key, "person", target, {"type": "message", "text": "You have BP-1001"})


async def test_one_message_per_dedupe_key_even_when_added_at_once(database: Database):
    outbox = OutboxRepository(database)
    results = await asyncio.gather(*(outbox.add(notice()) for _ in range(5)))
    assert sum(created for _, created in results) == 1
    assert len({message.id for message, _ in results}) == 1


async def test_a_sent_message_records_its_teams_activity_id_and_drops_its_claim(database: Database):
    outbox = OutboxRepository(database)
    message, _ = await outbox.add(notice(), claimed_by="web-1", lease=LEASE)
    assert message.claimed_by == "web-1" and message.claimed_until > utc_now()
    await outbox.mark_sent(message.id, "1:abc")
    stored = await outbox.get(message.id)
    assert (stored.status, stored.activity_id, stored.attempts) == ("sent", "1:abc", 1)
    assert (stored.claimed_by, stored.claimed_until) == (None, None)
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


async def test_due_messages_are_claimed_oldest_first_and_only_once(database: Database):
    outbox = OutboxRepository(database)
    added = [(await outbox.add(notice(f"m{n}")))[0] for n in range(5)]
    now = utc_now()
    first = await outbox.claim_due("web-1", now, LEASE, limit=3)
    second = await outbox.claim_due("web-2", now, LEASE, limit=3)
    assert [m.id for m in first] == [m.id for m in added[:3]]
    assert [m.id for m in second] == [m.id for m in added[3:]]
    assert {m.claimed_by for m in first} == {"web-1"}
    assert await outbox.claim_due("web-3", now, LEASE, limit=3) == []
    assert await outbox.claim(added[0].id, "web-3", now, LEASE) is None


async def test_a_claim_that_ran_out_is_taken_up_by_another_sender(database: Database):
    outbox = OutboxRepository(database)
    message, _ = await outbox.add(notice())
    now = utc_now()
    await outbox.claim_due("crashed", now, 30.0, limit=10)
    assert await outbox.claim_due("web-2", now + timedelta(seconds=29), LEASE, 10) == []
    later = now + timedelta(seconds=31)
    assert await outbox.next_due() == now + timedelta(seconds=30)
    [taken] = await outbox.claim_due("web-2", later, LEASE, limit=10)
    assert (taken.id, taken.claimed_by) == (message.id, "web-2")


async def test_a_retry_waits_for_its_time_and_counts_the_attempt(database: Database):
    outbox = OutboxRepository(database)
    message, _ = await outbox.add(notice())
    now = utc_now()
    await outbox.claim_due("web-1", now, LEASE, limit=10)
    await outbox.schedule_retry(message.id, now + timedelta(seconds=20), "HTTP 502")
    stored = await outbox.get(message.id)
    assert (stored.status, stored.attempts, stored.last_error) == ("pending", 1, "HTTP 502")
    assert stored.claimed_by is None
    assert await outbox.claim_due("web-1", now + timedelta(seconds=19), LEASE, 10) == []
    assert await outbox.next_due() == now + timedelta(seconds=20)
    assert len(await outbox.claim_due("web-1", now + timedelta(seconds=20), LEASE, 10)) == 1


async def test_the_next_due_time_leaves_out_the_targets_the_worker_skips(database: Database):
    outbox = OutboxRepository(database)
    now = utc_now()
    await outbox.add(notice("busy", "kevin"))  # due now, but kevin's queue is full
    await outbox.add(notice("later", "sean"), not_before=now + timedelta(seconds=30))
    assert await outbox.next_due() <= utc_now()
    skipped = await outbox.next_due(skip=[("person", "kevin")])
    assert skipped == now + timedelta(seconds=30)
    assert await outbox.next_due(skip=[("person", "kevin"), ("person", "sean")]) is None


async def test_a_released_message_is_not_an_attempt_and_only_its_holder_releases_it(
    database: Database,
):
    outbox = OutboxRepository(database)
    message, _ = await outbox.add(notice())
    now = utc_now()
    await outbox.claim_due("web-1", now, LEASE, limit=10)
    assert await outbox.release([message.id], "web-2", now) == 0  # not web-2's to give back
    assert await outbox.release([message.id], "web-1", now + timedelta(seconds=2)) == 1
    stored = await outbox.get(message.id)
    assert (stored.attempts, stored.claimed_by) == (0, None)
    assert stored.next_attempt_at == now + timedelta(seconds=2)


async def test_dead_letters_and_the_count_by_status(database: Database):
    outbox = OutboxRepository(database)
    dead, _ = await outbox.add(notice("a"))
    held, _ = await outbox.add(notice("b"))
    await outbox.add(notice("c"))
    await outbox.mark_dead(dead.id, "HTTP 400")
    await outbox.mark_waiting(held.id, "not installed")
    assert (await outbox.get(dead.id)).status == "dead"
    assert await outbox.counts() == {"pending": 1, "waiting": 1, "sent": 0, "dead": 1}


async def test_senders_on_separate_connections_never_claim_the_same_message(
    database: Database, open_database: OpenDatabase
):
    repositories = [OutboxRepository(await open_database(database)) for _ in range(4)]
    for n in range(60):
        await repositories[0].add(notice(f"m{n}"))

    async def drain(runner: int) -> list[int]:
        mine: list[int] = []
        while batch := await repositories[runner].claim_due(f"web-{runner}", utc_now(), LEASE, 7):
            mine += [m.id for m in batch]
        return mine

    claimed = await asyncio.gather(*(drain(n) for n in range(4)))
    every = [message_id for batch in claimed for message_id in batch]
    assert sorted(every) == sorted(set(every)) and len(every) == 60


async def test_a_flooded_target_gets_its_share_of_a_batch_not_all_of_it(database: Database):
    outbox = OutboxRepository(database)
    for n in range(10):
        await outbox.add(notice(f"flood{n}", "kevin"))  # the oldest ten, all for Kevin
    for name in ("mary", "sean"):
        await outbox.add(notice(f"one-{name}", name))
    now = utc_now()
    batch = await outbox.claim_due("web-1", now, LEASE, limit=6, per_target=3)
    assert Counter(m.target for m in batch) == {"kevin": 3, "mary": 1, "sean": 1}
    rest = await outbox.claim_due("web-1", now, LEASE, limit=20, skip=[("person", "kevin")])
    assert rest == []  # only Kevin's are left, and his queue is full
    assert len(await outbox.claim_due("web-1", now, LEASE, limit=20)) == 7
