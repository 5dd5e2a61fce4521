"""One attempt at a claimed outbox message: paced, sent with its stored reference, recorded.

Outcomes (services/delivery/retry.py decides): sent; retried later with back-off (429 and other
passing failures, Retry-After honoured); held as "waiting" when the app is blocked or removed
(403/404: the reference is marked unusable, triage is told); dead after the last attempt or a
failure that cannot pass (triage is told). A notice to triage about a failed notice to triage
is never sent: that failure is only logged, so a broken triage chat cannot loop.

The one window where a message can go out twice: the connector accepted it, and the process
died (or the send timed out) before mark_sent. Teams has no idempotency key for sends, so the
message is sent again once its claim runs out; everything else is sent at most once.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiohttp
from botbuilder.core import MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.metrics import DeskMetrics
from bot.proactive import addressed, http_status, retry_after, stored_activity
from bot.references import ReferenceBook
from services.db.conversations import ConversationRefRepository, StoredReference
from services.db.outbox import OutboxMessage, OutboxRepository, TargetKind
from services.db.types import utc_now
from services.delivery import DeliverySettings, Doorbell, RateLimiter, RetryPolicy, Verdict
from services.profile import Capability, Profile

log = logging.getLogger(__name__)
NOTICE_PREFIX = "undeliverable:"  # dedupe keys of notices to triage about failed messages
# No answer at all: the request may never have reached Teams, so it is worth another try.
NO_ANSWER = (ClientRequestError, aiohttp.ClientError, OSError, TimeoutError)
WAITING_CACHE_SECONDS = 30.0  # how stale another replica's "waiting" list may get here


def runner_id() -> str:
    """This process's name in the outbox's claimed_by: host, pid and a nonce for restarts."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:128]


def triage_targets(profile: Profile, failed: OutboxMessage) -> list[tuple[TargetKind, str]]:
    """Where triage hears of a failed message: its channel, else the people who triage.

    Never the failed message's own target: if that is the channel, the people are told.
    """
    own = (failed.target_kind, failed.target)
    channel = profile.channels.triage
    if channel and own != ("conversation", f"channel:{channel}"):
        return [("conversation", f"channel:{channel}")]
    people = profile.people_with_capability(Capability.TRIAGE)
    return [("person", p.id) for p in people if own != ("person", p.id)]


def recipient(profile: Profile, message: OutboxMessage) -> str:
    """Whom a message was for, in words triage recognises."""
    if message.target_kind == "person":
        try:
            return profile.person(message.target).name
        except KeyError:
            return message.target
    if message.target == f"channel:{profile.channels.triage}":
        return "the triage channel"
    return f"the conversation {message.target}"


@dataclass(frozen=True)
class Outcome:
    """What one send came to: an activity id, or an HTTP status (None: no answer) and why."""

    activity_id: str | None = None
    failed: bool = False
    status: int | None = None
    error: str = ""
    retry_after: float | None = None
    hopeless: bool = False  # failed in a way no retry can change (a bug, a bad payload)


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
        tenant = stored.tenant_id or ""
        # The oldest goes first, each message queued behind it counting as a second older: in a
        # flood the chat with the longest queue is the critical path (it may send only 7/s),
        # so it gets the tenant's slots before chats that will be done sooner anyway.
        priority = (message.created_at or self._clock()).timestamp() - backlog
        if not await self.limiter.acquire(tenant, stored.key, max_wait, priority=priority):
            later = self._clock() + timedelta(seconds=self.limiter.delay_for(tenant, stored.key))
            await self._outbox.release([message.id], self.runner, later)
            self.doorbell.ring(later)
            return
        try:
            outcome = await self._post(stored, message)
        finally:
            self.limiter.settle(tenant, stored.key)  # its slot counts from the answer
        if not outcome.failed:
            await self._outbox.mark_sent(message.id, outcome.activity_id)
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

    async def _post(self, stored: StoredReference, message: OutboxMessage) -> Outcome:
        outcomes: list[Outcome] = []

        async def callback(context: TurnContext) -> None:
            # Caught here: the adapter would hand an escaping error to on_turn_error and
            # swallow it, and the outbox would never learn the send failed.
            try:
                sent = await context.send_activity(stored_activity(message.payload))
                outcomes.append(Outcome(activity_id=sent.id if sent else None))
            except HttpOperationError as error:
                wait = retry_after(error, self._clock())
                outcomes.append(Outcome(None, True, http_status(error), str(error), wait))
            except NO_ANSWER as error:
                outcomes.append(Outcome(failed=True, error=f"{type(error).__name__}: {error}"))
            except Exception as error:
                log.exception("sending outbox message %s failed", message.id)
                outcomes.append(Outcome(failed=True, error=repr(error), hopeless=True))

        timeout = self.settings.send_timeout_seconds
        try:
            async with asyncio.timeout(timeout):
                await self.adapter.continue_conversation(
                    addressed(stored, message), callback, self.app_id
                )
        except TimeoutError:
            return Outcome(failed=True, error=f"no answer within {timeout:g} s")
        except NO_ANSWER as error:  # e.g. the bot's own token could not be fetched
            return Outcome(failed=True, error=f"{type(error).__name__}: {error}")
        return outcomes[0] if outcomes else Outcome(failed=True, error="the send never ran")

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
        await self._tell_triage(message, verdict)

    async def _tell_triage(self, message: OutboxMessage, verdict: Verdict) -> None:
        """A short notice to triage, through the outbox like any other message."""
        if message.dedupe_key.startswith(NOTICE_PREFIX):
            log.error("a notice to triage could not be delivered either: %s", message.dedupe_key)
            return
        if verdict.action == "hold":
            then = "I'll deliver it when they open the app again."
        else:
            then = "I gave up on it."
        said = message.payload.get("summary") or message.payload.get("text") or "(a card)"
        text = (
            f"I couldn't deliver a message to {recipient(self._profile, message)}: "
            f"{verdict.reason}. {then} It said: {said[:200]}"
        )
        activity = MessageFactory.text(text).serialize()
        for kind, target in triage_targets(self._profile, message):
            key = f"{NOTICE_PREFIX}{message.id}:{target}"
            await self._outbox.add(OutboxMessage(key, kind, target, activity))
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
