"""A fake system of record for the sync queue, a clock to move by hand, and a drain loop."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from services.sync import (
    NewChange,
    Outcome,
    Sent,
    SyncChange,
    SyncQueue,
    SyncSettings,
    SyncWorker,
    Transient,
)

START = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


class Clock:
    """Reads `now` until moved."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class FakeSystem:
    """Answers each send from `script` (a list of outcomes, or a function of the changes), else
    takes it; dedupes by idempotency key as a sender should, and notes what goes wrong."""

    system: str = "zendesk"
    script: list[Outcome] = field(default_factory=list)
    answer: Callable[[Sequence[SyncChange]], Outcome | None] | None = None
    down_until: datetime | None = None
    clock: Clock | None = None
    requests: list[tuple[datetime | None, list[str]]] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)  # idempotency keys, as applied
    received: Counter = field(default_factory=Counter)  # every key, repeats included
    overlaps: int = 0  # sends to a record while another send to it was under way
    _busy: set[str] = field(default_factory=set)

    def merges(self, first: SyncChange, then: SyncChange) -> bool:
        """Updates merge into one request; anything else goes alone."""
        return first.kind == then.kind == "update"

    async def send(self, changes: Sequence[SyncChange]) -> Outcome:
        record = changes[0].record_key
        if record in self._busy:
            self.overlaps += 1
        self._busy.add(record)
        try:
            await asyncio.sleep(0)  # let other sends run meanwhile, as a real request would
            now = self.clock() if self.clock else None
            self.requests.append((now, [c.idempotency_key for c in changes]))
            self.received.update(c.idempotency_key for c in changes)
            outcome = self._outcome(changes, now)
            if isinstance(outcome, Sent):
                fresh = [
                    c.idempotency_key for c in changes if c.idempotency_key not in self.applied
                ]
                self.applied.extend(fresh)
            return outcome
        finally:
            self._busy.discard(record)

    def _outcome(self, changes: Sequence[SyncChange], now: datetime | None) -> Outcome:
        if self.down_until is not None and now is not None and now < self.down_until:
            return Transient("HTTP 503")
        if self.script:
            return self.script.pop(0)
        if self.answer is not None and (answer := self.answer(changes)) is not None:
            return answer
        return Sent({c.id: f"remote-{c.record_key}" for c in changes if c.kind == "create"})

    def applied_to(self, record: str) -> list[int]:
        """The sequence numbers applied to one record, in the order they were applied."""
        prefix = f"{self.system}:{record}:"
        return [int(k.removeprefix(prefix)) for k in self.applied if k.startswith(prefix)]


def settings(**overrides) -> SyncSettings:
    """Small, fast settings for tests (no pacing)."""
    values = {"retry_base_seconds": 2.0, "retry_cap_seconds": 60.0, "give_up_after_seconds": 0.0}
    return SyncSettings(_env_file=None, **(values | overrides))


def updates(count: int, actor: str = "kevin", kind: str = "update") -> list[NewChange]:
    """`count` changes of `kind`, numbered in their payload."""
    return [NewChange(kind, {"n": n}, actor) for n in range(1, count + 1)]


async def drain(worker: SyncWorker, clock: Clock, queue: SyncQueue, rounds: int = 500) -> int:
    """Pump rounds, moving the clock by what each asks, until nothing is unsent; the rounds."""
    for done in range(1, rounds + 1):
        wait = await worker.pump()
        stats = await queue.stats()
        if all(s.depth == 0 for s in stats.values()):
            return done
        clock.advance(max(wait, 0.001))
    raise AssertionError(f"still unsent after {rounds} rounds: {await queue.stats()}")
