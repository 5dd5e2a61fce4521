"""Which connector failures are retried, and when: full-jitter back-off that honours Retry-After.

Teams asks bots to retry 429 Too Many Requests and also 412, 502 and 504 with "an exponential
backoff with a random jitter" (learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit);
503 and connection errors are the same kind of passing trouble. botbuilder-python retries nothing
by itself. 403 (the user blocked or removed the app) and 404 (the conversation is gone) are held
until the person talks to the bot again; anything else (400 bad payload, 401...) would fail the
same way every time, so it is dead-lettered at once rather than retried.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

RETRYABLE = frozenset({412, 429, 502, 503, 504})
BLOCKED = frozenset({403, 404})

Action = Literal["retry", "hold", "dead"]


@dataclass(frozen=True)
class Verdict:
    """What to do with a message after a failed attempt; `delay` is seconds until the next."""

    action: Action
    reason: str
    delay: float = 0.0


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds a Retry-After header asks to wait: delay-seconds or an HTTP-date (RFC 9110)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None  # unreadable: the back-off alone decides
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # HTTP-dates are GMT by definition
    return max(0.0, (when - now).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    """Up to `max_attempts` tries; the n-th retry waits uniform(0, min(cap, base * 2**(n-1)))."""

    max_attempts: int = 8
    base_seconds: float = 2.0
    cap_seconds: float = 600.0
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def backoff(self, attempt: int) -> float:
        """Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter") after `attempt`."""
        ceiling = min(self.cap_seconds, self.base_seconds * 2 ** max(0, attempt - 1))
        return self.rng.uniform(0.0, ceiling)

    def verdict(self, status: int | None, attempts: int, retry_after: float | None) -> Verdict:
        """The fate of a message whose `attempts`-th try failed with `status` (None: no answer)."""
        label = "no answer (connection error or timeout)" if status is None else f"HTTP {status}"
        if status in BLOCKED:
            return Verdict("hold", f"{label}: the app is blocked or removed there")
        if status is not None and status not in RETRYABLE:
            return Verdict("dead", f"{label}: Teams refused it, so retrying cannot help")
        if attempts >= self.max_attempts:
            return Verdict("dead", f"{label}, and that was attempt {attempts} of {attempts}")
        delay = self.backoff(attempts)
        if retry_after is not None:
            # The server's word is a floor; the jitter still spreads the senders it throttled.
            delay = max(delay, retry_after)
        return Verdict("retry", f"{label} on attempt {attempts}", delay)
