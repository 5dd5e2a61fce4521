"""Nothing lost, nothing doubled: a half-hour outage, two replicas, a replica killed mid-send."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

from services.db import Database
from services.sync import SyncQueue, SyncWorker
from tests.fixtures.databases import OpenDatabase
from tests.harness.sync import Clock, FakeSystem, drain, settings, updates

ZD = "zendesk"
RECORDS = [f"BP-{1001 + n}" for n in range(6)]


def worker(db: Database, system: FakeSystem, clock: Clock, runner: str, **options) -> SyncWorker:
    return SyncWorker(
        system,
        SyncQueue(db),
        settings(**options),
        runner=runner,
        clock=clock,
        rng=random.Random(runner),
    )


async def test_after_30_minutes_down_every_change_arrives_once_in_order(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    system = FakeSystem(clock=clock, down_until=clock.now + timedelta(minutes=30))
    sync = worker(database, system, clock, "web-1", give_up_after_seconds=3600)
    for record in RECORDS:
        await queue.add(ZD, record, updates(2, kind="note"), clock())
    # Work goes on while Zendesk is down: more changes every five minutes.
    for _ in range(6):
        await sync.pump()
        clock.advance(300)
        for record in RECORDS:
            await queue.add(ZD, record, updates(1, kind="note"), clock())

    await drain(sync, clock, queue)

    assert clock.now >= system.down_until
    for record in RECORDS:
        assert system.applied_to(record) == list(range(1, 9))
    assert sorted(system.received.values())[-1] > 1  # some were tried during the outage...
    assert len(system.applied) == len(set(system.applied)) == 48  # ...each applied once
    assert (await queue.stats())[ZD].dead == 0


async def test_two_replicas_on_one_database_never_send_a_change_twice(
    database: Database, open_database: OpenDatabase
):
    clock, system = Clock(), FakeSystem()
    other = await open_database(database)
    queue = SyncQueue(database)
    for record in RECORDS:
        await queue.add(ZD, record, updates(5, kind="note"), clock())
    one = worker(database, system, clock, "web-1", batch=4, concurrency=2)
    two = worker(other, system, clock, "web-2", batch=4, concurrency=2)

    for _ in range(40):
        await asyncio.gather(one.pump(), two.pump())
        if (await queue.stats())[ZD].depth == 0:
            break

    assert set(system.received.values()) == {1}  # no change was ever sent twice
    assert system.overlaps == 0  # nor two sends to one ticket at once
    for record in RECORDS:
        assert system.applied_to(record) == [1, 2, 3, 4, 5]


async def test_a_replica_killed_mid_send_loses_its_claim_and_the_change_goes_once(
    database: Database,
):
    clock, queue = Clock(), SyncQueue(database)
    await queue.add(ZD, "BP-1001", updates(2, kind="note"), clock())
    # The killed replica had claimed the head and sent it, but died before storing "sent".
    [head] = await queue.claim_heads(ZD, "killed", clock(), lease=300, limit=10)
    system = FakeSystem(clock=clock)
    await system.send([head])
    survivor = worker(database, system, clock, "web-2")

    assert await survivor.pump() == 5.0  # held by the dead replica: nothing to send yet
    assert len(system.requests) == 1
    clock.advance(300)
    await drain(survivor, clock, queue)

    # At least once: the head went twice, and its idempotency key let the system drop it.
    assert system.received[head.idempotency_key] == 2
    assert system.applied_to("BP-1001") == [1, 2]


async def test_a_change_whose_sender_died_comes_back_marked_as_tried(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    await queue.add(ZD, "BP-1001", updates(2), clock())
    [head] = await queue.claim_heads(ZD, "killed", clock(), lease=300, limit=10)
    assert head.attempts == 0  # a first claim: never sent
    clock.advance(301)
    [again] = await queue.claim_heads(ZD, "web-2", clock(), lease=300, limit=10)
    [behind] = await queue.take(
        [c.id for c in await queue.followers(again, clock(), 5)], "web-2", clock(), 300
    )
    # The dead sender may have delivered the head, never the one behind it: only the head
    # tells its sender to look before sending again.
    assert (again.attempts, behind.attempts) == (1, 0)
