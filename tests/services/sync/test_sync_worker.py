"""The sync worker sends each record's changes in order, one send at a time, and handles what
the system answers: 429, 5xx, 409 and 422, merging what may go out together."""

from __future__ import annotations

import random
from itertools import pairwise

from services.db import Database
from services.sync import Conflict, RateLimited, Rejected, SyncQueue, SyncWorker, Transient
from tests.harness.sync import Clock, FakeSystem, drain, settings, updates

ZD = "zendesk"


def worker_for(db: Database, system: FakeSystem, clock: Clock, **options) -> SyncWorker:
    dead, sent = options.pop("dead", None), options.pop("sent", None)
    return SyncWorker(
        system,
        SyncQueue(db),
        settings(**options),
        runner="web-1",
        clock=clock,
        on_dead=dead,
        on_sent=sent,
        rng=random.Random(7),
    )


async def test_each_records_changes_go_out_in_order_one_send_at_a_time(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    system = FakeSystem(clock=clock)
    for record in ("BP-1001", "BP-1002", "BP-1003"):
        await queue.add(ZD, record, updates(4, kind="note"), clock())  # notes do not merge

    await drain(worker_for(database, system, clock, concurrency=4), clock, queue)

    for record in ("BP-1001", "BP-1002", "BP-1003"):
        assert system.applied_to(record) == [1, 2, 3, 4]
    assert system.overlaps == 0
    assert set(system.received.values()) == {1}  # each sent once
    assert len(system.requests) == 12


async def test_queued_updates_to_one_ticket_merge_into_one_send(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    system = FakeSystem(clock=clock)
    await queue.add(ZD, "BP-1001", updates(1, kind="create") + updates(5), clock())

    await drain(worker_for(database, system, clock), clock, queue)

    # The create alone, then the five updates in one request (Zendesk: 30 per ticket per 10 min).
    assert [len(keys) for _, keys in system.requests] == [1, 5]
    assert system.applied_to("BP-1001") == [1, 2, 3, 4, 5, 6]
    [create, *rest] = await queue.of_record(ZD, "BP-1001")
    assert create.remote_id == "remote-BP-1001" and {c.state for c in rest} == {"sent"}


async def test_a_429_holds_every_send_until_retry_after_and_costs_no_attempt(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    system = FakeSystem(clock=clock, script=[RateLimited(30.0)])
    await queue.add(ZD, "BP-1001", updates(1, kind="note"), clock())
    await queue.add(ZD, "BP-1002", updates(1, kind="note"), clock())
    worker = worker_for(database, system, clock, concurrency=1)

    assert await worker.pump() == 30.0
    clock.advance(29)
    assert await worker.pump() == 1.0  # still held: not a single request meanwhile
    assert len(system.requests) == 1
    clock.advance(1)
    await worker.pump()

    assert len(system.requests) == 3 and system.requests[-1][0] == clock()
    for record in ("BP-1001", "BP-1002"):
        [change] = await queue.of_record(ZD, record)
        assert (change.state, change.attempts) == ("sent", 1)  # the 429 did not count


async def test_5xx_backs_off_with_growing_jittered_waits_then_delivers(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    system = FakeSystem(clock=clock, script=[Transient("HTTP 503")] * 4)
    await queue.add(ZD, "BP-1001", updates(1), clock())

    await drain(worker_for(database, system, clock), clock, queue)

    times = [at for at, _ in system.requests]
    waits = [(b - a).total_seconds() for a, b in pairwise(times)]
    assert len(waits) == 4
    for attempt, wait in enumerate(waits, start=1):
        assert 0 < wait <= 2.0 * 2 ** (attempt - 1)  # full jitter under a doubling ceiling
    assert len(set(waits)) == 4  # jittered, not a fixed step
    [change] = await queue.of_record(ZD, "BP-1001")
    assert (change.state, change.attempts, change.last_error) == ("sent", 5, "HTTP 503")


async def test_a_409_is_sent_again_at_once_so_the_sender_re_reads_and_re_applies(
    database: Database,
):
    clock, queue = Clock(), SyncQueue(database)
    system = FakeSystem(clock=clock, script=[Conflict(), Conflict()])
    await queue.add(ZD, "BP-1001", updates(1), clock())

    await worker_for(database, system, clock).pump()

    assert [at for at, _ in system.requests] == [clock()] * 3  # no waiting in between
    [change] = await queue.of_record(ZD, "BP-1001")
    assert change.state == "sent"


async def test_a_409_that_keeps_coming_backs_off_instead_of_hammering(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    system = FakeSystem(clock=clock, script=[Conflict()] * 4)
    await queue.add(ZD, "BP-1001", updates(1), clock())

    await worker_for(database, system, clock, conflict_retries=3).pump()

    [change] = await queue.of_record(ZD, "BP-1001")
    assert len(system.requests) == 4
    assert change.state == "queued" and change.next_attempt_at > clock()
    assert change.last_error.startswith("conflict, 4 times")


async def test_a_422_is_a_dead_letter_whose_reason_reaches_whoever_made_the_change(
    database: Database,
):
    clock, queue = Clock(), SyncQueue(database)
    told = []

    async def tell(letter):
        told.append((letter.change.actor_id, letter.change.record_key, letter.reason))

    system = FakeSystem(clock=clock, script=[Rejected("Subject: is too long")])
    await queue.add(ZD, "BP-1001", updates(1, actor="kevin", kind="note"), clock())
    await queue.add(ZD, "BP-1001", updates(1, actor="mary", kind="note"), clock())

    await drain(worker_for(database, system, clock, dead=tell), clock, queue)

    assert told == [("kevin", "BP-1001", "Subject: is too long")]
    first, second = await queue.of_record(ZD, "BP-1001")
    assert (first.state, first.dead_reason) == ("dead", "Subject: is too long")
    assert second.state == "sent"  # one refusal does not block the ticket's later changes
    assert (await queue.stats())[ZD].dead == 1


async def test_what_was_sent_is_followed_up_once_stored_and_a_failed_follow_up_sends_nothing_again(
    database: Database,
):
    clock, queue = Clock(), SyncQueue(database)
    followed = []

    async def follow(changes):
        stored = {c.id: c.state for c in await queue.of_record(ZD, changes[0].record_key)}
        followed.append([(c.kind, c.state, c.remote_id, stored[c.id]) for c in changes])
        raise RuntimeError("Teams is down")  # the card stays as it was; the change is sent

    system = FakeSystem(clock=clock)
    await queue.add(ZD, "BP-1001", updates(1, kind="create") + updates(2), clock())

    await drain(worker_for(database, system, clock, sent=follow), clock, queue)

    assert followed == [
        [("create", "sent", "remote-BP-1001", "sent")],
        [("update", "sent", None, "sent"), ("update", "sent", None, "sent")],
    ]
    assert set(system.received.values()) == {1}


async def test_a_refused_merged_send_is_split_so_only_the_refused_change_dies(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    told = []

    async def tell(letter):
        told.append(letter.change.seq)

    def refuse_the_second(changes):
        if any(c.payload["n"] == 2 for c in changes):
            return Rejected("priority: is not one of low, normal, high, urgent")
        return None

    system = FakeSystem(clock=clock, answer=refuse_the_second)
    await queue.add(ZD, "BP-1001", updates(3), clock())

    await drain(worker_for(database, system, clock, dead=tell), clock, queue)

    assert [len(keys) for _, keys in system.requests] == [3, 1, 1, 1]
    assert system.applied_to("BP-1001") == [1, 3]
    assert told == [2]


async def test_a_change_failing_past_its_attempts_is_given_up_and_told(database: Database):
    clock, queue = Clock(), SyncQueue(database)
    told = []

    async def tell(letter):
        told.append(letter.reason)

    system = FakeSystem(clock=clock, script=[Transient("HTTP 500")] * 3)
    await queue.add(ZD, "BP-1001", updates(1), clock())

    await drain(worker_for(database, system, clock, dead=tell, max_attempts=3), clock, queue)

    assert told == ["HTTP 500, and that was attempt 3"]
    assert len(system.requests) == 3
