"""One attempt at a claimed outbox message: paced, sent with its stored reference, recorded.

Outcomes (services/delivery/retry.py decides): sent; retried later with back-off (429 and other
passing failures, Retry-After honoured); held as "waiting" when the app is blocked or removed
(403/404: the reference is marked unusable, triage is told); dead after the last attempt or a
failure that cannot pass (triage is told: bot/outbox_triage.py, which never sends a notice
about a failed notice, so a broken triage chat cannot loop).

Sent twice: the Bot Connector takes no idempotency key for a new message (POST .../activities;
Teams gives the id, in the answer), so a delivered message whose "sent" is not recorded goes out
again once its claim runs out. That window is kept to the answer's way back and one UPDATE:
- the answer is recorded first (bot/outbox_post.py): mark_sent, committed inside the connector
  callback, before pacing, metrics or anything else, and not lost to the send timeout, a
  cancelled task, a fault in what follows or a failed write (retried while the claim lasts);
- a claim outlasts its send and that record: a message is put back unless its claim still covers
  the pace wait, the send timeout and record_reserve_seconds, so no replica takes up a message
  whose send is in flight.
Left: the process dying between Teams taking the message and that commit, and a send that times
out after Teams took it (docs/deployment.md, "Sent twice"). Not done: turning the resend into an
update (PUT) of the first copy needs that copy's id, which only ever arrives in the answer that is
recorded with it; and a "sending" mark before each POST would cost a write per message to say a
resend may be a duplicate, without preventing one.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from botbuilder.integration.aiohttp import CloudAdapter

from bot.metrics import DeskMetrics
from bot.outbox_post import Outcome, post, record_sent
from bot.outbox_triage import tell_triage
from bot.proactive import addressed
from bot.references import ReferenceBook
from services.db.conversations import ConversationRefRepository, StoredReference
from services.db.outbox import OutboxMessage, OutboxRepository
from services.db.types import utc_now
from services.delivery import DeliverySettings, Doorbell, RateLimiter, RetryPolicy, Verdict
from services.profile import Profile

log = logging.getLogger(__name__)
WAITING_CACHE_SECONDS = 30.0  # how stale another replica's "waiting" list may get here


def runner_id() -> str:
    """This process's name in the outbox's claimed_by: host, pid and a nonce for restarts."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:128]


class OutboxSender:
    """Sends claimed messages one attempt at a time and records each outcome in the outbox."""

    def __init__(
        self,
        adapter: CloudAdapter,
        app_id: str,
        references: ConversationRefRepository,
        book: ReferenceBook,
        outbox: OutboxRepository,
        settings: DeliverySettings,
        *,
        runner: str,
        profile: Profile,
        limiter: RateLimiter | None = None,
        policy: RetryPolicy | None = None,
        clock: Callable[[], datetime] = utc_now,
        metrics: DeskMetrics | None = None,
    ) -> None:
        self.adapter, self.app_id, self.runner, self.settings = adapter, app_id, runner, settings
        self.references, self._book, self._outbox = references, book, outbox
        self._profile, self._clock, self._metrics = profile, clock, metrics
        self.doorbell = Doorbell()  # rung for the outbox worker when a message falls due
        self.limiter = limiter or RateLimiter(
            settings.tenant_windows(),
            settings.conversation_windows(),
            slack=settings.pacing_slack_seconds,
        )
        self._policy = policy or RetryPolicy(
            settings.max_attempts, settings.retry_base_seconds, settings.retry_cap_seconds
        )
        self._waiting: set[tuple[str, str]] | None = None
        self._waiting_loaded = 0.0

    async def reference(self, message: OutboxMessage) -> StoredReference | None:
        """The usable stored conversation the message goes to, if there is one."""
        if message.target_kind == "person":
            stored = await self.references.for_person(message.target)
        else:
            stored = await self.references.get(message.target)
        return stored if stored is not None and stored.usable else None

    async def attempt(
        self,
        message: OutboxMessage,
        max_wait: float,
        stored: StoredReference | None = None,
        backlog: int = 0,
    ) -> None:
        """Send a message this sender has claimed, waiting at most `max_wait` s for the pace.

        `stored` is its conversation when the caller has just looked it up; `backlog` is how
        many more wait for the same conversation.
        """
        stored = stored or await self.reference(message)
        if stored is None:
            await self.hold(message, "no usable conversation: the app is not installed there")
            self._count("waiting")
            return
        budget = self._claim_left(message)
        if budget < 0:
            # Its claim could run out mid-send, and another sender send it too: due again now.
            await self._outbox.release([message.id], self.runner, self._clock())
            self.doorbell.ring()
            return
        tenant = stored.tenant_id or ""
        # The oldest goes first, each message queued behind it counting as a second older: in a
        # flood the chat with the longest queue is the critical path (it may send only 7/s),
        # so it gets the tenant's slots before chats that will be done sooner anyway.
        priority = (message.created_at or self._clock()).timestamp() - backlog
        if not await self.limiter.acquire(
            tenant, stored.key, min(max_wait, budget), priority=priority
        ):
            later = self._clock() + timedelta(seconds=self.limiter.delay_for(tenant, stored.key))
            await self._outbox.release([message.id], self.runner, later)
            self.doorbell.ring(later)
            return
        try:
            outcome = await self._post(stored, message)  # recorded when sent
        finally:
            self.limiter.settle(tenant, stored.key)  # its slot counts from the answer
        if not outcome.failed:
            self._count("sent")
            return
        if outcome.status == 429 and outcome.retry_after:
            self.limiter.pause(stored.key, outcome.retry_after)
        attempts = message.attempts + 1
        if outcome.hopeless:
            verdict = Verdict("dead", f"failed on attempt {attempts}")
        else:
            verdict = self._policy.verdict(outcome.status, attempts, outcome.retry_after)
        await self._record(message, stored, verdict, f"{verdict.reason}: {outcome.error}"[:1000])
        self._count("waiting" if verdict.action == "hold" else verdict.action)

    def _count(self, outcome: str) -> None:
        if self._metrics is not None:
            self._metrics.count_send(outcome)

    def _claim_left(self, message: OutboxMessage) -> float:
        """Seconds the claim leaves for the pace wait after the send and its record."""
        if message.claimed_until is None:
            return 0.0
        left = (message.claimed_until - self._clock()).total_seconds()
        return left - self.settings.send_timeout_seconds - self.settings.record_reserve_seconds

    async def _post(self, stored: StoredReference, message: OutboxMessage) -> Outcome:
        async def record(activity_id: str | None) -> None:
            await record_sent(self._outbox, message, activity_id, self._clock)

        return await post(
            self.adapter,
            self.app_id,
            addressed(stored, message),
            message.payload,
            self.settings.send_timeout_seconds,
            record,
            self._clock,
        )

    async def _record(
        self, message: OutboxMessage, stored: StoredReference, verdict: Verdict, error: str
    ) -> None:
        if verdict.action == "retry":
            later = self._clock() + timedelta(seconds=verdict.delay)
            await self._outbox.schedule_retry(message.id, later, error)
            self.doorbell.ring(later)
            return
        if verdict.action == "hold":
            await self._book.mark_unusable(stored.key, error)
            await self.hold(message, error)
        else:
            await self._outbox.mark_dead(message.id, error)
        log.warning("outbox message %s (%s): %s", message.id, message.dedupe_key, error)
        if await tell_triage(self._outbox, self._profile, message, verdict):
            self.doorbell.ring()

    async def hold(self, message: OutboxMessage, reason: str) -> None:
        """Keep the message until its target talks to the bot again (Notifier.release)."""
        await self._outbox.mark_waiting(message.id, reason)
        (await self.waiting_targets()).add((message.target_kind, message.target))

    async def waiting_targets(self) -> set[tuple[str, str]]:
        """Targets with held messages; reread now and then, as other replicas hold some too."""
        if self._waiting is None or time.monotonic() - self._waiting_loaded > WAITING_CACHE_SECONDS:
            self._waiting = await self._outbox.waiting_targets()
            self._waiting_loaded = time.monotonic()
        return self._waiting
