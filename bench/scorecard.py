"""Time to compute one week's scorecard over a year of tickets, against a naive baseline.

The scorecard (services.scorecard.Scorecards.scorecard) includes the week before and the
8-week trend; the baseline loads every ticket and event into Python and counts there
(bench/scorecard_naive.py). Both run in this process on the same data, and the bench first
checks that they agree on the counts. Target: the scorecard in 1 s or less.

  python bench/scorecard.py [--weeks 52] [--per-week 1000] [--rounds 5] [--postgres [URL]]
                            [--max-ms N]

SQLite (a temporary file) by default; --postgres uses a throwaway schema on that server.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

# Run as `python bench/scorecard.py`, so the project root must be importable.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bench import scorecard_data, scorecard_naive  # noqa: E402
from services.db import Database  # noqa: E402
from services.profile import load_profile  # noqa: E402
from services.scorecard import TREND_WEEKS, Scorecards, Week, week_containing  # noqa: E402

TARGET_MS = 1000.0
TODAY = datetime(2026, 11, 24, tzinfo=UTC)  # fixed, so every run measures the same weeks
POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
_COUNTS = ("opened", "resolved", "closed", "reopens", "reopen_base", "ack_due", "ack_met")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--per-week", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline-rounds", type=int, default=2)
    parser.add_argument("--postgres", nargs="?", const=POSTGRES, default=None, metavar="URL")
    parser.add_argument("--max-ms", type=float, default=None, help="fail above this median")
    return parser.parse_args(argv)


@asynccontextmanager
async def database(postgres: str | None) -> AsyncIterator[Database]:
    """A migrated, empty database: a temporary SQLite file, or a throwaway PostgreSQL schema."""
    if postgres is None:
        with tempfile.TemporaryDirectory(prefix="bench-scorecard-") as tmp:
            db = await Database.connect(f"sqlite+aiosqlite:///{tmp}/bench.db")
            await db.migrate()
            try:
                yield db
            finally:
                await db.close()
        return
    schema = f"bench_scorecard_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(postgres)
    async with admin.begin() as connection:
        await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        db = await Database.connect(postgres, schema=schema)
        await db.migrate()
        try:
            yield db
        finally:
            await db.close()
    finally:
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


async def timed(rounds: int, work: Callable[[], Awaitable[object]]) -> tuple[float, object]:
    """Median milliseconds of `rounds` runs of `work`, and its last result."""
    spent, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = await work()
        spent.append((time.perf_counter() - started) * 1000)
    return statistics.median(spent), result


async def run(args: argparse.Namespace) -> int:
    """Build the data, check both agree, time both, print, judge."""
    profile = load_profile("bestpack")
    zone = profile.business_hours.zone
    last = week_containing(TODAY, zone).shifted(-1)
    now = last.end + timedelta(hours=6)
    tickets, events = scorecard_data.generate(profile, last, args.weeks, args.per_week, now)
    async with database(args.postgres) as db:
        started = time.perf_counter()
        await scorecard_data.load(db, tickets, events, profile)
        print(
            f"{db.dialect}: {len(tickets):,} tickets, {len(events):,} events over {args.weeks} "
            f"weeks (loaded in {time.perf_counter() - started:.1f} s)"
        )
        scorecards = Scorecards(db, profile)
        await scorecards.scorecard(last, now)  # warm-up: clock year tables, statement cache
        ours_ms, card = await timed(args.rounds, lambda: scorecards.scorecard(last, now))
        base_ms, naive = await timed(args.baseline_rounds, lambda: _naive(db, profile, last, now))
        mismatch = await _disagreement(scorecards, card, naive, last, now)
    if mismatch:
        print(f"FAIL: the scorecard and the baseline disagree: {mismatch}")
        return 1
    print(f"{'scorecard (SQL)':<28}{ours_ms:>10.1f} ms  (median of {args.rounds})")
    rounds = args.baseline_rounds
    print(f"{'baseline (all rows in Python)':<28}{base_ms:>10.1f} ms  (median of {rounds})")
    verdict = "met" if ours_ms <= TARGET_MS else "MISSED"
    print(
        f"baseline / scorecard = {base_ms / ours_ms:.1f}x; target <= {TARGET_MS:.0f} ms: {verdict}"
    )
    if args.max_ms is not None and ours_ms > args.max_ms:
        print(f"FAIL: {ours_ms:.1f} ms is above --max-ms {args.max_ms:.0f}")
        return 1
    return 0


async def _naive(db: Database, profile, week: Week, now) -> dict:
    found, events = await scorecard_naive.load_everything(db, profile)
    weeks = [week.shifted(i - TREND_WEEKS + 1) for i in range(TREND_WEEKS)]
    return {
        "week": scorecard_naive.week_counts(found, events, week, now),
        "before": scorecard_naive.week_counts(found, events, week.shifted(-1), now),
        "trend": scorecard_naive.trend(found, events, weeks, now),
    }


async def _disagreement(scorecards: Scorecards, card, naive: dict, week: Week, now) -> str | None:
    """What differs between the scorecard's counts and the baseline's; None if nothing."""
    for label, which in (("week", week), ("before", week.shifted(-1))):
        measured = await scorecards.measure(which, now)
        ours = {k: getattr(measured, k) for k in (*_COUNTS, "backlog")}
        if ours != naive[label]:
            return f"{label}: {ours} != {naive[label]}"
    for point, counts in zip(card.trend, naive["trend"], strict=True):
        base = counts["reopen_base"]
        rate = 100 * counts["reopens"] / base if base else None
        if point.reopen_rate_pct != rate:
            return f"trend {point.week.label}: reopen {point.reopen_rate_pct} != {rate}"
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the bench; the exit status says whether it held."""
    return asyncio.run(run(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
