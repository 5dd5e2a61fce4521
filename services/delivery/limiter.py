"""Client-side throttling to Teams' limits, so messages are paced instead of refused with 429.

Sliding logs, not token buckets: Teams counts requests per window ("per bot per thread": 7 per
second and 1,800 per hour; "per app per tenant": 50 per second), and a log of send times is
exact for every window at once — a bucket refilling at 7/s would still allow 1,800 in under
five minutes, past the hourly limit. Memory is bounded by the largest window's limit per key.

A request counts from its answer, not from when it left: Teams clocks its arrival, which lies
between the two, so a window measured from the answer can never be shorter at Teams' end, however
the network delays or bunches requests. Until the answer comes back the request holds its slot.

One limiter per process: replicas do not share it, so with several of them the 429 back-off
(services/delivery/retry.py) absorbs the excess; divide the limits by the replica count if that
happens often. Interactive replies the bot sends within a turn are not counted here either.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    """At most `limit` requests in any `seconds`-long interval."""

    limit: int
    seconds: float


class SlidingLog:
    """The send times of one key (a conversation, a tenant), checked against its windows."""

    def __init__(self, windows: Sequence[Window], slack: float = 0.0) -> None:
        self._windows = tuple(windows)
        # slack widens every window, for a server that clocks requests some other way.
        self._slack = slack
        # Answered requests, oldest first: stamps are only ever appended with the current time.
        self._stamps: deque[float] = deque(maxlen=max((w.limit for w in windows), default=1))
        self.in_flight = 0  # requests sent and not answered yet: they count as arriving now
        self.paused_until = -math.inf

    def delay(self, now: float) -> float:
        """Seconds until one more request fits every window (0: now).

        With a window's whole limit in flight the answer is a lower bound (the window's
        length): those slots count from answers still to come.
        """
        wait = max(0.0, self.paused_until - now)
        for window in self._windows:
            room = window.limit - self.in_flight  # answered requests the window can still hold
            if room <= 0:
                wait = max(wait, window.seconds + self._slack)
            elif len(self._stamps) >= room:
                oldest = self._stamps[-room]  # the one that must leave the window
                wait = max(wait, oldest + window.seconds + self._slack - now)
        return wait

    def reserve(self) -> None:
        """A request is on its way: it holds a slot until settle()."""
        self.in_flight += 1

    def settle(self, now: float) -> None:
        """The reserved request was answered at `now`: it counts from then on."""
        self.in_flight = max(0, self.in_flight - 1)
        self._stamps.append(now)

    def take(self, now: float) -> None:
        """Record a request at `now` (sent and answered at once)."""
        self._stamps.append(now)

    def idle(self, now: float) -> bool:
        """True when nothing recorded still counts (the key can be forgotten)."""
        horizon = max((w.seconds for w in self._windows), default=0.0) + self._slack
        newest = self._stamps[-1] if self._stamps else -math.inf
        return not self.in_flight and newest + horizon <= now and self.paused_until <= now


class RateLimiter:
    """Paces requests per tenant (all of the app's traffic there) and per conversation."""

    TICK = 0.002  # how soon a waiter that had to let an older one go first looks again

    def __init__(
        self,
        tenant: Sequence[Window],
        conversation: Sequence[Window],
        *,
        slack: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._tenant_windows, self._conversation_windows = tuple(tenant), tuple(conversation)
        self._slack, self._clock, self._sleep = slack, clock, sleep
        self._tenants: dict[str, SlidingLog] = {}
        self._conversations: dict[str, SlidingLog] = {}
        self._takes = 0
        self._waiting: dict[str, set[tuple[float, int, str]]] = {}  # tenant → waiters
        self._tickets = itertools.count()  # ties go to whoever asked first

    def _log(self, logs: dict[str, SlidingLog], windows, key: str) -> SlidingLog:
        log = logs.get(key)
        if log is None:
            log = logs[key] = SlidingLog(windows, self._slack)
        return log

    def delay_for(self, tenant: str, conversation: str) -> float:
        """Seconds until a request to `conversation` in `tenant` is allowed (0: now)."""
        now = self._clock()
        return max(log.delay(now) for log in self._logs_of(tenant, conversation))

    def _logs_of(self, tenant: str, conversation: str) -> tuple[SlidingLog, SlidingLog]:
        return (
            self._log(self._tenants, self._tenant_windows, tenant),
            self._log(self._conversations, self._conversation_windows, conversation),
        )

    def take(self, tenant: str, conversation: str) -> None:
        """Count a request against both keys' windows from now."""
        self.reserve(tenant, conversation)
        self.settle(tenant, conversation)

    def reserve(self, tenant: str, conversation: str) -> None:
        """Count a request that is about to be sent; it holds its slots until settle()."""
        for log in self._logs_of(tenant, conversation):
            log.reserve()

    def settle(self, tenant: str, conversation: str) -> None:
        """The reserved request was answered (or failed): it counts from now, in both windows."""
        now = self._clock()
        for log in self._logs_of(tenant, conversation):
            log.settle(now)
        self._takes += 1
        if self._takes % 1024 == 0:
            self._forget_idle(now)

    def pause(self, conversation: str, seconds: float) -> None:
        """Hold a conversation back (Teams answered 429 with Retry-After) for `seconds`."""
        log = self._log(self._conversations, self._conversation_windows, conversation)
        log.paused_until = max(log.paused_until, self._clock() + seconds)

    async def acquire(
        self,
        tenant: str,
        conversation: str,
        max_wait: float = math.inf,
        priority: float = 0.0,
    ) -> bool:
        """Wait for a slot and reserve it; False (nothing taken) if that would exceed `max_wait`.

        After True the caller sends, and calls settle() once the answer (or failure) is in.

        When several requests in a tenant could go, the lowest `priority` goes first (callers
        pass the message's age, so the oldest waiting message wins): a flooded conversation
        falling behind then gets its full per-conversation pace instead of an equal share.
        """
        me = (priority, next(self._tickets), conversation)
        waiting = self._waiting.setdefault(tenant, set())
        waiting.add(me)
        waited = 0.0
        try:
            while True:
                delay = self.delay_for(tenant, conversation)
                if delay <= 0 and self._first_ready(tenant) == me:
                    self.reserve(tenant, conversation)
                    return True
                # Not ready, or someone older is: look again when it may have changed.
                pause = delay if delay > 0 else self.TICK
                if waited + pause > max_wait:
                    return False
                await self._sleep(pause)
                waited += pause
        finally:
            waiting.discard(me)
            if not waiting:
                del self._waiting[tenant]

    def _first_ready(self, tenant: str) -> tuple[float, int, str] | None:
        """The waiter that goes next in `tenant`: the lowest priority whose chat may send now."""
        now = self._clock()
        ready = [
            waiter
            for waiter in self._waiting.get(tenant, ())
            if self._log(self._conversations, self._conversation_windows, waiter[2]).delay(now) <= 0
        ]
        return min(ready, default=None)

    def _forget_idle(self, now: float) -> None:
        for logs in (self._tenants, self._conversations):
            for key in [k for k, log in logs.items() if log.idle(now)]:
                del logs[key]
