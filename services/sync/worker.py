"""The sync worker: sends the queue's changes to one system of record, in order per record.

Each round claims the due heads of up to `batch` records, merges the changes queued behind each
head where the sender says they merge, and sends them `concurrency` records at a time. What the
sender answers decides what follows:
- Sent: stored as sent (with the record's id there); then `on_sent` follows it up (a card
  shows what the system made of it).
- RateLimited (429): nothing goes to the system until Retry-After has passed; the try does not
  count against the change.
- Transient (5xx, timeout): again after full-jitter back-off (services/delivery/retry.py); given
  up only after max_attempts tries and give_up_after_seconds.
- Conflict (409): sent again at once (the sender re-reads), conflict_retries times, then backed off.
- Rejected (422): a merged send is split up so the one refused change is found; that change is
  a dead letter and `on_dead` tells whoever made it.
Delivery is at least once: see SyncChange.idempotency_key.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from services.db.types import utc_now
from services.delivery import Doorbell, RetryPolicy, SlidingLog, Window
from services.sync.model import (
    Conflict,
    DeadLetter,
    Outcome,
    RateLimited,
    Rejected,
    Sender,
    Sent,
    SyncChange,
    Transient,
)
from services.sync.queue import SyncQueue
from services.sync.settings import SyncSettings

log = logging.getLogger(__name__)
OnDead = Callable[[DeadLetter], Awaitable[None]]
OnSent = Callable[[Sequence[SyncChange]], Awaitable[None]]


class SyncWorker:
    """Drains one system's changes in the background (or round by round, in tests)."""

    def __init__(
        self,
        sender: Sender,
        queue: SyncQueue,
        settings: SyncSettings,
        *,
        runner: str,
        clock: Callable[[], datetime] = utc_now,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        on_dead: OnDead | None = None,
        on_sent: OnSent | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._sender, self._queue, self._settings = sender, queue, settings
        self._runner, self._clock, self._sleep, self._on_dead = runner, clock, sleep, on_dead
        self._on_sent = on_sent
        self._policy = RetryPolicy(
            settings.max_attempts,
            settings.retry_base_seconds,
            settings.retry_cap_seconds,
            rng or random.Random(),
        )
        budget = settings.pace_requests
        window = [Window(budget, settings.pace_window_seconds)] if budget else None
        self._pace = SlidingLog(window) if window else None
        self._paused_until: datetime | None = None  # a 429 holds every send until then
        # Records whose merged send was refused: one by one up to the last change it held.
        self._solo: dict[str, int] = {}
        self.doorbell = Doorbell()
        self._loop: asyncio.Task | None = None
        self._stopping = False

    def start(self) -> None:
        """Run the loop in the background."""
        self._loop = asyncio.create_task(self._run(), name=f"sync-{self._sender.system}")

    async def stop(self) -> None:
        """Finish the round under way and stop; anything claimed and unsent waits out its lease."""
        self._stopping = True
        self.doorbell.ring()
        if self._loop is not None:
            await self._loop

    async def _run(self) -> None:
        while not self._stopping:
            self.doorbell.looking()
            try:
                wait = await self.pump()
            except Exception:
                log.exception("the sync worker failed a round; trying again shortly")
                wait = self._settings.poll_seconds
            if not self._stopping:
                await self.doorbell.sleep(wait, self._clock() + timedelta(seconds=wait))

    async def pump(self) -> float:
        """One round: claim and send what is due; the seconds until something may be due again."""
        settings, now = self._settings, self._clock()
        if self._paused():
            return self._pause_left()
        heads = await self._queue.claim_heads(
            self._sender.system, self._runner, now, settings.lease_seconds, settings.batch
        )
        room = asyncio.Semaphore(settings.concurrency)
        await asyncio.gather(*(self._deliver(head, room) for head in heads))
        if self._paused():
            return self._pause_left()  # a 429: nothing is due before Retry-After has passed
        if len(heads) == settings.batch:
            return 0.0
        due = await self._queue.next_due(self._sender.system)
        if due is None:
            return settings.poll_seconds
        return min(settings.poll_seconds, max(0.0, (due - self._clock()).total_seconds()))

    async def _deliver(self, head: SyncChange, room: asyncio.Semaphore) -> None:
        async with room:
            changes = await self._with_followers(head)
            ids = [change.id for change in changes]
            if self._paused():
                await self._queue.retry(
                    ids, self._runner, self._paused_until, self._clock(), attempt=False
                )
                return
            outcome = await self._send(changes)
            await self._record(changes, outcome)

    async def _with_followers(self, head: SyncChange) -> list[SyncChange]:
        """The head and the changes behind it that merge with it, claimed together."""
        if head.seq <= self._solo.get(head.record_key, 0) or self._settings.merge_limit <= 1:
            return [head]
        self._solo.pop(head.record_key, None)
        now = self._clock()
        behind = await self._queue.followers(head, now, self._settings.merge_limit - 1)
        merged = [head]
        for change in behind:
            if not self._sender.merges(merged[-1], change):
                break
            merged.append(change)
        ids = [change.id for change in merged[1:]]
        taken = await self._queue.take(ids, self._runner, now, self._settings.lease_seconds)
        return [head, *taken]

    def _paused(self) -> bool:
        return self._paused_until is not None and self._paused_until > self._clock()

    def _pause_left(self) -> float:
        assert self._paused_until is not None
        return (self._paused_until - self._clock()).total_seconds()

    async def _send(self, changes: Sequence[SyncChange]) -> Outcome:
        """Send, re-sending at once after a 409 (the sender re-reads the record first)."""
        outcome: Outcome = Conflict()
        for _ in range(self._settings.conflict_retries + 1):
            await self._wait_for_pace()
            try:
                outcome = await asyncio.wait_for(
                    self._sender.send(changes), self._settings.send_timeout_seconds
                )
            except TimeoutError:
                outcome = Transient(f"no answer within {self._settings.send_timeout_seconds:g} s")
            except Exception as error:
                log.exception("sync: sending %s failed", changes[0].idempotency_key)
                outcome = Transient(f"{type(error).__name__}: {error}")
            finally:
                if self._pace is not None:
                    # Counted from its answer, never earlier than the system clocked it.
                    self._pace.settle(self._clock().timestamp())
            if not isinstance(outcome, Conflict):
                return outcome
        return Transient(f"conflict, {self._settings.conflict_retries + 1} times: {outcome.reason}")

    async def _wait_for_pace(self) -> None:
        """Wait for room in the request budget and hold a slot in it until the answer."""
        if self._pace is None:
            return
        while (delay := self._pace.delay(self._clock().timestamp())) > 0:
            await self._sleep(delay)
        self._pace.reserve()

    async def _record(self, changes: Sequence[SyncChange], outcome: Outcome) -> None:
        ids, now, head = [change.id for change in changes], self._clock(), changes[0]
        match outcome:
            case Sent(remote_ids):
                await self._queue.mark_sent(ids, now, remote_ids)
                await self._follow_up(changes, remote_ids)
            case RateLimited(retry_after):
                until = now + timedelta(seconds=retry_after)
                self._paused_until = max(self._paused_until or until, until)
                await self._queue.retry(ids, self._runner, until, now, "HTTP 429", attempt=False)
            case Rejected(reason) if len(changes) > 1:
                # Which of the merged changes was refused? Send them one by one to find out.
                self._solo[head.record_key] = changes[-1].seq
                await self._queue.retry(ids, self._runner, now, now, reason, attempt=False)
            case Rejected(reason):
                await self._give_up(changes, reason, now)
            case Transient(reason):
                await self._back_off(changes, reason, now)
        self.doorbell.ring()

    async def _follow_up(
        self, changes: Sequence[SyncChange], remote_ids: Mapping[int, str]
    ) -> None:
        """on_sent, after "sent" is stored: its failure never sends the change again."""
        if self._on_sent is None:
            return
        sent = [
            replace(c, state="sent", remote_id=remote_ids.get(c.id) or c.remote_id) for c in changes
        ]
        try:
            await self._on_sent(sent)
        except Exception:
            log.exception("sync: following up %s failed", changes[0].idempotency_key)

    async def _back_off(self, changes: Sequence[SyncChange], reason: str, now: datetime) -> None:
        head = changes[0]
        attempts = head.attempts + 1
        age = (now - head.created_at).total_seconds()
        if attempts >= self._settings.max_attempts and age >= self._settings.give_up_after_seconds:
            await self._give_up(changes, f"{reason}, and that was attempt {attempts}", now)
            return
        at = now + timedelta(seconds=self._policy.backoff(attempts))
        await self._queue.retry([c.id for c in changes], self._runner, at, now, reason)

    async def _give_up(self, changes: Sequence[SyncChange], reason: str, now: datetime) -> None:
        await self._queue.mark_dead([c.id for c in changes], reason, now)
        for change in changes:
            log.warning("sync: %s is a dead letter: %s", change.idempotency_key, reason)
            if self._on_dead is not None:
                try:
                    await self._on_dead(DeadLetter(change, reason))
                except Exception:
                    log.exception("sync: telling %s of a dead letter failed", change.actor_id)
