"""The outbox worker: a background loop that sends every due pending message, paced.

It claims due messages (bot/outbox_sender.py says what becomes of each), queues them per
conversation so each conversation's messages go out in order and one conversation's pace never
holds up the others, and sleeps until the next message falls due, the poll interval passes, or
the doorbell rings (something falls due sooner: added, paced or rescheduled). A conversation
holds at most `per_conversation` claimed messages; more are put back, due when its queue will
have drained, so a flood to one chat leaves the rest of the batch for everyone else. A busy
queue (half its cap) is left out of the claim and of the next-due time alike, and rings the
doorbell once it has room: counting its due messages as due had the worker look again at once,
two queries a round, hundreds a second while a backlog drained.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.outbox_sender import OutboxSender
from services.db.outbox import OutboxMessage, OutboxRepository
from services.db.types import utc_now

log = logging.getLogger(__name__)
Key = tuple[str, str]  # (target kind, target): one queue per person or conversation


class OutboxWorker:
    """Drains the outbox in the background while the app runs."""

    def __init__(
        self,
        sender: OutboxSender,
        outbox: OutboxRepository,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._sender, self._outbox, self._clock = sender, outbox, clock
        self._settings = sender.settings
        self._queues: dict[Key, deque[OutboxMessage]] = {}
        self._tasks: dict[Key, asyncio.Task] = {}
        self._held = 0  # claimed messages in the queues, not yet attempted
        self._full = False  # the queues had no room at the last look
        self._capped: set[Key] = set()  # claimed up to their cap last time: more may be due
        self._skipped: set[Key] = set()  # busy at the last look: they ring when they have room
        self._loop: asyncio.Task | None = None
        self._stopping = False

    def start(self) -> None:
        """Run the loop in the background."""
        self._loop = asyncio.create_task(self._run(), name="outbox-worker")

    async def stop(self, timeout: float = 10.0) -> None:
        """Stop claiming, let sends under way finish, and give back what was never tried."""
        self._stopping = True
        self._sender.doorbell.ring()
        if self._loop is not None:
            await self._loop
        tasks = list(self._tasks.values())
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        untried = [m.id for queue in self._queues.values() for m in queue]
        if untried:
            # Due at once for the next sender, instead of after the lease.
            await self._outbox.release(untried, self._sender.runner, self._clock())

    async def _run(self) -> None:
        doorbell = self._sender.doorbell
        while not self._stopping:
            doorbell.looking()  # before looking, so a ring while we look is not lost
            try:
                wait = await self.pump()
            except Exception:
                log.exception("the outbox worker failed a round; trying again shortly")
                wait = self._settings.poll_seconds
            if self._stopping:
                break
            await doorbell.sleep(wait, self._clock() + timedelta(seconds=wait))

    async def pump(self) -> float:
        """Claim what is due into the queues; the seconds to sleep before looking again."""
        settings = self._settings
        room = settings.batch - self._held
        self._full = room <= 0
        if self._full:
            return settings.poll_seconds  # the queues ring when they have room again
        now = self._clock()
        # A conversation with a second's worth queued gets no more this time round.
        busy = [k for k, q in self._queues.items() if len(q) >= self._busy_mark]
        self._skipped.update(busy)
        claimed = await self._outbox.claim_due(
            self._sender.runner,
            now,
            settings.lease_seconds,
            room,
            per_target=settings.per_conversation,
            skip=busy,
        )
        overflow: dict[datetime, list[int]] = {}
        for message in claimed:
            key = (message.target_kind, message.target)
            queue = self._queues.setdefault(key, deque())
            if len(queue) >= settings.per_conversation:
                # Rare (the claim skips busy queues): back when this queue will have gone out.
                drained = timedelta(seconds=len(queue) / settings.conversation_per_second)
                overflow.setdefault(now + drained, []).append(message.id)
                continue
            self._enqueue(key, message)
        self._note_capped(claimed)
        for due, ids in overflow.items():
            await self._outbox.release(ids, self._sender.runner, due)
        if len(claimed) == room and not overflow:
            return 0.0  # there may be more due right now
        return await self._until_next_due(busy)

    @property
    def _busy_mark(self) -> int:
        return max(1, self._settings.per_conversation // 2)

    def _enqueue(self, key: Key, message: OutboxMessage) -> None:
        queue = self._queues.setdefault(key, deque())
        queue.append(message)
        self._held += 1
        if key not in self._tasks:
            self._tasks[key] = asyncio.create_task(self._drain(key))

    def _note_capped(self, claimed: list[OutboxMessage]) -> None:
        counts: dict[Key, int] = {}
        for message in claimed:
            key = (message.target_kind, message.target)
            counts[key] = counts.get(key, 0) + 1
        self._capped.update(k for k, n in counts.items() if n >= self._settings.per_conversation)

    async def _refill(self, key: Key) -> bool:
        """Claim more for a flooded chat whose queue just ran dry; True if any were due.

        Outside the batch limit on purpose: waiting for half the batch to drain left a chat
        with a hundred messages idle for seconds while it was allowed 7 a second.
        """
        self._capped.discard(key)
        settings = self._settings
        claimed = await self._outbox.claim_due(
            self._sender.runner,
            self._clock(),
            settings.lease_seconds,
            settings.per_conversation,
            per_target=settings.per_conversation,
            only=[key],
        )
        for message in claimed:
            self._queues.setdefault(key, deque()).append(message)
            self._held += 1
        self._note_capped(claimed)
        return bool(claimed)

    async def _until_next_due(self, busy: list[Key]) -> float:
        poll = self._settings.poll_seconds
        due = await self._outbox.next_due(skip=busy)
        if due is None:
            return poll
        return min(poll, max(0.0, (due - self._clock()).total_seconds()))

    async def _drain(self, key: Key) -> None:
        """Send one conversation's queue in order."""
        queue = self._queues[key]
        settings = self._settings
        try:
            while not self._stopping:
                if not queue and not (key in self._capped and await self._refill(key)):
                    break
                message = queue.popleft()
                if key in self._skipped and len(queue) < self._busy_mark:
                    self._skipped.discard(key)
                    self._sender.doorbell.ring()  # what the last look left for it may be due
                # More may be due than were claimed: count a full claim's worth behind a capped one.
                backlog = len(queue) + (settings.per_conversation if key in self._capped else 0)
                try:
                    await self._sender.attempt(message, settings.max_wait_seconds, backlog=backlog)
                except Exception:
                    # Its claim runs out and the message is tried again then.
                    log.exception("outbox message %s: the attempt failed", message.id)
                finally:
                    self._held -= 1
                    if self._full and self._held <= settings.batch // 2:
                        self._full = False
                        self._sender.doorbell.ring()  # room for another batch
        finally:
            del self._tasks[key]
            if not queue:
                del self._queues[key]
