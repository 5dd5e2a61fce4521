"""The sync queue draining against a rate-limited system of record, beside a direct baseline.

A fake system of record takes at most --limit requests in any --window seconds (Zendesk: 400
a minute on Suite Growth and Professional, 429 with Retry-After past that) and answers each
after --latency seconds. The window is scaled down (15 s by default for a minute: four times
Zendesk's real pace, so the bench takes about two minutes; at 6 s the Zendesk run is bound by
this machine's CPU, not by the limit); the rates are then compared as shares of what the limit
allows:
- direct: a loop that sends the same changes straight from memory, paced to the limit: the
  best this process can do, with no database;
- queue: --changes changes queued in a SQLite file, one per ticket, drained by the SyncWorker
  paced to the same limit, every send claimed and recorded in the database (an in-process
  system that only counts);
- zendesk: the same through the real ZendeskSender, each a PUT with a private comment over
  HTTP to the fake Zendesk in its own process, which checks it and enforces the limit
  (bench/sync_zendesk.py).
Each prints requests/s, the share of the limit's rate, 429s, lost and duplicated changes, and
its ratio to direct. Exit status 1 if the queue or Zendesk run loses or doubles a change or
reaches less than --min-efficiency of the limit's rate.

    python bench/sync_drain.py [--changes 1000] [--limit 400] [--window 15] [--min-efficiency 0.9]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.sync_zendesk import zendesk_run  # noqa: E402
from services.db import Database  # noqa: E402
from services.db.types import utc_now  # noqa: E402
from services.sync import (  # noqa: E402
    NewChange,
    Outcome,
    RateLimited,
    Sent,
    SyncChange,
    SyncQueue,
    SyncSettings,
    SyncWorker,
)

SYSTEM = "zendesk"


class LimitedSystem:
    """At most `limit` requests in any `window` seconds (a 429 past that), each `latency` long."""

    system = SYSTEM

    def __init__(self, limit: int, window: float, latency: float) -> None:
        self.limit, self.window, self.latency = limit, window, latency
        self._stamps: deque[float] = deque()
        self.taken: Counter[str] = Counter()
        self.limited = 0
        self.first: float | None = None
        self.last = 0.0

    def merges(self, first: SyncChange, then: SyncChange) -> bool:
        """One change per ticket here: nothing to merge."""
        return False

    async def send(self, changes: Sequence[SyncChange]) -> Outcome:
        """Count the request when it arrives, as the system does, then answer after latency."""
        return await self.take([c.idempotency_key for c in changes])

    async def take(self, keys: Sequence[str]) -> Outcome:
        """One request carrying `keys`."""
        now = time.monotonic()
        while self._stamps and self._stamps[0] <= now - self.window:
            self._stamps.popleft()
        if len(self._stamps) >= self.limit:
            self.limited += 1
            return RateLimited(self._stamps[0] + self.window - now)
        self._stamps.append(now)
        self.first = now if self.first is None else self.first
        await asyncio.sleep(self.latency)
        self.taken.update(keys)
        self.last = time.monotonic()
        return Sent()


@dataclass
class Run:
    """What one way of sending came to."""

    name: str
    requests: int
    seconds: float
    limited: int
    lost: int
    doubled: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else math.inf


def least_time(changes: int, limit: int, window: float) -> float:
    """The shortest time the limit allows for `changes` requests, first to last (0 for one
    window's worth): a full window at once, the next a window later, and so on."""
    return (math.ceil(changes / limit) - 1) * window


def efficiency(run: Run, changes: int, limit: int, window: float) -> float:
    """The share of the limit's rate a run reached (1.0: as fast as the limit allows)."""
    least = least_time(changes, limit, window)
    return 1.0 if least == 0 else least / max(run.seconds, 1e-9)


def outcome(name: str, system: LimitedSystem, keys: list[str]) -> Run:
    seconds = system.last - (system.first or system.last) - system.latency
    lost = sum(1 for key in keys if system.taken[key] == 0)
    doubled = sum(n - 1 for n in system.taken.values() if n > 1)
    return Run(name, len(keys), max(seconds, 0.0), system.limited, lost, doubled)


async def direct(keys: list[str], args: argparse.Namespace) -> Run:
    """The baseline: straight from memory, paced by the same sliding log the worker uses."""
    from services.delivery import SlidingLog, Window

    system = LimitedSystem(args.limit, args.window, args.latency)
    pace = SlidingLog([Window(args.limit, args.window)])
    room = asyncio.Semaphore(args.concurrency)

    async def one(key: str) -> None:
        async with room:
            # The pace frees a slot at a known time: nothing to signal, just that long to wait.
            while (delay := pace.delay(time.monotonic())) > 0:  # noqa: ASYNC110
                await asyncio.sleep(delay)
            pace.reserve()
            try:
                answer = await system.take([key])
            finally:
                pace.settle(time.monotonic())
            assert isinstance(answer, Sent), answer

    await asyncio.gather(*(one(key) for key in keys))
    return outcome("direct (paced, memory)", system, keys)


async def queued(keys: list[str], args: argparse.Namespace, folder: Path) -> Run:
    """The sync queue on a SQLite file, drained by the worker in the background."""
    db = await Database.connect(f"sqlite+aiosqlite:///{folder / 'sync.db'}")
    try:
        await db.migrate()
        queue = SyncQueue(db)
        now = utc_now()
        async with db.engine.begin() as connection:
            for n in range(len(keys)):
                change = [NewChange("update", {"n": n}, "kevin")]
                await queue.enqueue(connection, SYSTEM, f"BP-{1001 + n}", change, now)
        system = LimitedSystem(args.limit, args.window, args.latency)
        settings = SyncSettings(
            _env_file=None,
            pace_requests=args.limit,
            pace_window_seconds=args.window,
            concurrency=args.concurrency,
            batch=args.batch,
            poll_seconds=0.5,
        )
        worker = SyncWorker(system, queue, settings, runner="bench")
        worker.start()
        try:
            # Polls the database, as an operator's dashboard would: the queue is the truth.
            while (await queue.stats())[SYSTEM].depth:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
        finally:
            await worker.stop()
        sent = [f"{SYSTEM}:BP-{1001 + n}:1" for n in range(len(keys))]
        run = outcome("sync queue (SQLite)", system, sent)
    finally:
        await db.close()
    return run


def table(runs: list[Run], args: argparse.Namespace) -> None:
    allowed = args.limit / args.window
    print(f"{args.changes} changes; limit {args.limit} per {args.window:g} s ({allowed:.1f}/s)")
    print(f"{'':26} {'req/s':>8} {'of limit':>9} {'429s':>6} {'lost':>5} {'twice':>6}")
    for run in runs:
        share = efficiency(run, args.changes, args.limit, args.window)
        print(
            f"{run.name:26} {run.rate:8.1f} {share:9.1%} {run.limited:6} "
            f"{run.lost:5} {run.doubled:6}"
        )


async def measure(args: argparse.Namespace) -> int:
    keys = [f"{SYSTEM}:BP-{1001 + n}:1" for n in range(args.changes)]
    with tempfile.TemporaryDirectory() as folder:
        baseline = await direct(keys, args)
        run = await queued(keys, args, Path(folder))
        zendesk = Run("zendesk (sender + fake)", *await zendesk_run(args, Path(folder)))
    table([baseline, run, zendesk], args)
    base = efficiency(baseline, args.changes, args.limit, args.window)
    failed = 0
    for subject in (run, zendesk):
        mine = efficiency(subject, args.changes, args.limit, args.window)
        print(f"{subject.name} / direct = {mine / base:.2f}")
        if subject.lost or subject.doubled:
            print(f"FAIL: {subject.name} lost or doubled a change")
            failed = 1
        if mine < args.min_efficiency:
            print(f"FAIL: {subject.name}: {mine:.1%} of the limit's rate, under the target")
            failed = 1
    return failed


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run all three; 1 if the queue or Zendesk run lost, doubled, or
    fell behind."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--limit", type=int, default=400, help="requests per window")
    parser.add_argument("--window", type=float, default=15.0, help="seconds (a minute, scaled)")
    parser.add_argument("--latency", type=float, default=0.01, help="seconds per answer")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--min-efficiency", type=float, default=0.9)
    args = parser.parse_args(argv)
    if args.changes < 1 or args.limit < 1:
        parser.error("need --changes >= 1 and --limit >= 1")
    return asyncio.run(measure(args))


if __name__ == "__main__":
    sys.exit(main())
