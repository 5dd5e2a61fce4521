"""SLA sweep cost against tickets open: the indexed sweep vs. a naive load-everything sweep.

Two databases are seeded with the same number of due tickets (next_sla_check_at in the past,
every deadline breached) among few or many open ones whose next check is still ahead. The
sweep (services.sla.sweep: selection, recorded-alert lookup, alert inserts, next checks;
nothing sent) should cost the same on both: its cost follows the tickets due, not the tickets
open. The baseline, in the same run, loads every open ticket and checks each one in Python,
as a sweep without the index column would. Before each timed round the due tickets are
re-armed and their alerts deleted.

    python bench/sla_sweep.py [--open 100000] [--small 1000] [--due 100] [--rounds 5]
                              [--url postgresql+asyncpg://...]   (default: a temporary SQLite)
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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import delete, insert, text, update  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from services.db import Database  # noqa: E402
from services.db.schema import sla_alerts, tickets  # noqa: E402
from services.profile import Profile, load_profile  # noqa: E402
from services.sla.policy import fired  # noqa: E402
from services.sla.sweep import SlaSweep  # noqa: E402
from services.tickets.queues import unsolved  # noqa: E402
from services.tickets.records import select_tickets, ticket_from_row  # noqa: E402
from services.tickets.sla import opening_columns, sla_checks  # noqa: E402

NOW = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)  # Wednesday 10:00 Pacific
DUE_SINCE = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # Monday 09:00: every deadline is past
TARGET_MS = 50.0
_CHUNK = 5000


def rows(profile: Profile, count: int, due: int) -> list[dict[str, Any]]:
    """`count` open high-priority tickets; the first `due` have their next check in the past."""
    fresh = opening_columns(profile, "high", NOW)  # next check 45 business minutes ahead
    overdue = opening_columns(profile, "high", DUE_SINCE)
    made = []
    for i in range(count):
        created, sla = (DUE_SINCE, overdue) if i < due else (NOW, fresh)
        made.append(
            {
                "number": f"BP-{1001 + i}",
                "profile": profile.name,
                "status": "open",
                "substatus": "in_progress",
                "priority": "high",
                "subject": f"Bench ticket {i}",
                "description": "",
                "fields": {},
                "requester_id": "mary",
                "assignee_id": "kevin",
                "created_at": created,
                "updated_at": created,
                **sla,
            }
        )
    return made


async def seeded(url: str, schema: str | None, count: int, due: int, profile: Profile) -> Database:
    """A migrated database holding the bench's tickets."""
    db = await Database.connect(url, schema=schema)
    await db.migrate()
    made = rows(profile, count, due)
    async with db.engine.begin() as connection:
        for start in range(0, len(made), _CHUNK):
            await connection.execute(insert(tickets), made[start : start + _CHUNK])
    return db


async def rearm(db: Database, profile: Profile, due: int) -> None:
    """Undo a sweep: the due tickets' next checks back in the past, their alerts gone."""
    overdue = opening_columns(profile, "high", DUE_SINCE)["next_sla_check_at"]
    async with db.engine.begin() as connection:
        await connection.execute(delete(sla_alerts))
        await connection.execute(
            update(tickets).where(tickets.c.id <= due).values(next_sla_check_at=overdue)
        )


async def naive_sweep(db: Database, profile: Profile) -> int:
    """The baseline: load every open ticket and work out in Python which thresholds came."""
    async with db.engine.connect() as connection:
        result = await connection.execute(select_tickets().where(unsolved(profile)))
        found = result.mappings().all()
    return sum(len(fired(sla_checks(ticket_from_row(row), profile), NOW)) for row in found)


async def timed(
    rounds: int, setup: Callable[[], Awaitable[None]], run: Callable[[], Awaitable[int]]
) -> tuple[float, int]:
    """Median milliseconds of `run` over `rounds` (setup untimed) and what its last run found."""
    times, found = [], 0
    for _ in range(rounds):
        await setup()
        start = time.perf_counter()
        found = await run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), found


async def compare(db: Database, profile: Profile, args: argparse.Namespace) -> dict[str, float]:
    """Median ms of the indexed sweep and of the naive one on one seeded database."""
    sweep = SlaSweep(db, profile)

    async def run_sweep() -> int:
        batch = await sweep.pending(NOW, limit=args.due)
        await sweep.record(batch)  # nothing sent: the outbox's cost is the sender's, not this
        return len(batch.alerts)

    async def rearm_db() -> None:
        await rearm(db, profile, args.due)

    async def nothing() -> None:
        return None

    async def run_naive() -> int:
        return await naive_sweep(db, profile)

    await timed(1, rearm_db, run_sweep)  # warm-up: the clock's year tables, statement caches
    sweep_ms, alerts = await timed(args.rounds, rearm_db, run_sweep)
    # The baseline writes nothing, so it needs no re-arming; it is slow, so fewer rounds.
    naive_ms, naive_alerts = await timed(max(1, args.rounds // 2), nothing, run_naive)
    return {"sweep": sweep_ms, "alerts": alerts, "naive": naive_ms, "naive_alerts": naive_alerts}


async def measure(args: argparse.Namespace) -> int:
    """Seed both sizes in turn, time both sweeps on each, print the rows and the ratios."""
    profile = load_profile("bestpack")
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in (args.small, args.open):
            url = args.url or f"sqlite+aiosqlite:///{Path(folder) / f'sla-{size}.db'}"
            async with schema_for(args.url) as schema:
                db = await seeded(url, schema, size, args.due, profile)
                try:
                    results[size] = await compare(db, profile, args)
                finally:
                    await db.close()
            mine = results[size]
            if mine["alerts"] != mine["naive_alerts"]:
                print(f"MISMATCH: sweep found {mine['alerts']}, naive {mine['naive_alerts']}")
                return 1
            print(
                f"{size:>8} open, {args.due:>4} due: sweep {mine['sweep']:8.2f} ms "
                f"({mine['alerts']:.0f} alerts)   naive {mine['naive']:9.2f} ms"
            )
    big, small = results[args.open], results[args.small]
    print()
    print(f"sweep {args.open} open / {args.small} open = {big['sweep'] / small['sweep']:.2f}x")
    print(f"naive / sweep at {args.open} open = {big['naive'] / big['sweep']:.1f}x")
    verdict = "within" if big["sweep"] <= TARGET_MS else "OVER"
    print(
        f"sweep at {args.open} open: {big['sweep']:.2f} ms, {verdict} the {TARGET_MS:.0f} ms target"
    )
    return 0


@asynccontextmanager
async def schema_for(url: str | None) -> AsyncIterator[str | None]:
    """A throwaway schema on PostgreSQL (None on SQLite, whose files are fresh already)."""
    if url is None:
        yield None
        return
    admin = create_async_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    schema = f"bench_{uuid.uuid4().hex[:16]}"
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield schema
    finally:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        await admin.dispose()


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the bench, print the table; 1 if the two sweeps disagreed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open", type=int, default=100_000, help="open tickets, large database")
    parser.add_argument("--small", type=int, default=1_000, help="open tickets, small database")
    parser.add_argument("--due", type=int, default=100, help="due tickets in each")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--url", default=None, help="a PostgreSQL URL (default: SQLite files)")
    args = parser.parse_args(argv)
    if not 0 < args.due <= args.small <= args.open:
        parser.error("need 0 < --due <= --small <= --open")
    return asyncio.run(measure(args))


if __name__ == "__main__":
    sys.exit(main())
