"""How fast BP Search's `lookup` answers: warm from its cache, and cold against slow sources.

Warm: a serial looked up again within the cache time; its p99 must stay under --max-warm-ms
(100 ms), printed next to a bare `SELECT 1` round trip on the same database.
Cold: each look-up with an empty cache, against an installed base and CRM that take --latency
seconds a call (the embedded ones behind a fixed delay, standing in for NetSuite and HubSpot).
Its p99 is compared to the sources' own latency for the same answer: the same calls made
directly, the machine, then its customer, open orders and CRM company at once. The ratio must
stay under --max-ratio (1.2). Both run in this process, in alternating rounds, on one SQLite
file holding the test sample (tests/harness/installed_base.py) and a few tickets on it.

    python bench/lookup.py [--rounds 3] [--lookups 100] [--latency 0.05]

Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from services.bp_search import BPSearch, Sources  # noqa: E402
from services.db import Database  # noqa: E402
from services.installed_base.embedded import (  # noqa: E402
    EmbeddedCustomerDirectory,
    EmbeddedInstalledBase,
)
from services.profile import load_profile  # noqa: E402
from services.tickets import TicketDraft, TicketRepository  # noqa: E402
from tests.harness.installed_base import stock  # noqa: E402

SERIAL = "CE4-10421"
PROFILE = load_profile("bestpack")
NOW = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)


class Latent:
    """A port whose every call first waits `latency` seconds, like a remote API."""

    def __init__(self, port: Any, latency: float) -> None:
        self._port = port
        self._latency = latency
        self.source = port.source

    def __getattr__(self, name: str) -> Callable[..., Awaitable[Any]]:
        method = getattr(self._port, name)

        async def call(*args: Any) -> Any:
            await asyncio.sleep(self._latency)
            return await method(*args)

        return call


def p99(samples: list[float]) -> float:
    """The 99th percentile (the largest sample below 100 samples)."""
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


async def timed(work: Callable[[], Awaitable[Any]], count: int) -> list[float]:
    """Seconds each of `count` runs of `work` took."""
    took = []
    for _ in range(count):
        started = time.perf_counter()
        await work()
        took.append(time.perf_counter() - started)
    return took


async def _prepared(folder: Path) -> Database:
    db = await Database.connect(f"sqlite+aiosqlite:///{folder / 'lookup.db'}")
    await db.migrate()
    await stock(db)
    tickets = TicketRepository(db, PROFILE)
    for n in range(8):
        draft = TicketDraft(f"Erector fault {n}", issue_type="controls", serial_number=SERIAL)
        await tickets.create(draft, "mary", None, NOW)
    return db


async def measure(args: argparse.Namespace) -> int:
    """Run both measures; 0 when both targets are met."""
    with tempfile.TemporaryDirectory() as folder:
        db = await _prepared(Path(folder))
        try:
            base = Latent(EmbeddedInstalledBase(db), args.latency)
            crm = Latent(EmbeddedCustomerDirectory(db), args.latency)

            async def direct() -> None:
                machine = await base.machine(SERIAL)
                ref = machine.customer_ref
                await asyncio.gather(
                    base.customer(ref), base.open_orders(ref, 5), crm.company(machine.customer_name)
                )

            async def cold() -> None:
                bp = BPSearch(base, crm, db, PROFILE, Sources(300, 10.0))  # an empty cache
                assert (await bp.lookup(SERIAL, NOW)).findings

            warm_bp = BPSearch(base, crm, db, PROFILE)
            await warm_bp.lookup(SERIAL, NOW)

            async def select_1() -> None:
                async with db.engine.connect() as connection:
                    await connection.execute(text("SELECT 1"))

            sources, cold_runs, warm, floor = [], [], [], []
            for _ in range(args.rounds):
                sources += await timed(direct, args.lookups)
                cold_runs += await timed(cold, args.lookups)
                warm += await timed(lambda: warm_bp.lookup(SERIAL, NOW), args.lookups)
                floor += await timed(select_1, args.lookups)
        finally:
            await db.close()
    return report(args, sources, cold_runs, warm, floor)


def report(
    args: argparse.Namespace,
    sources: list[float],
    cold: list[float],
    warm: list[float],
    floor: list[float],
) -> int:
    """Print the figures and the verdicts; 1 when a target is missed."""
    ratio = p99(cold) / p99(sources)
    print(f"BP Search lookup {SERIAL}, {args.rounds} rounds of {args.lookups}")
    for label, samples in (
        ("SELECT 1 round trip", floor),
        ("warm (cache)", warm),
        (f"sources at {args.latency * 1000:.0f} ms/call", sources),
        ("cold (empty cache)", cold),
    ):
        print(
            f"  {label:<26} p50 {statistics.median(samples) * 1000:8.2f} ms"
            f"   p99 {p99(samples) * 1000:8.2f} ms"
        )
    print(f"  warm p99 / SELECT 1 p99: {p99(warm) / p99(floor):.1f}x")
    print(f"  warm p99: {p99(warm) * 1000:.1f} ms (target <= {args.max_warm_ms:g} ms)")
    print(f"  cold/sources p99: {ratio:.2f}x (target <= {args.max_ratio:.2f}x)")
    missed = p99(warm) * 1000 > args.max_warm_ms or ratio > args.max_ratio
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and measure; 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lookups", type=int, default=100, help="per round and measure")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per source call")
    parser.add_argument("--max-ratio", type=float, default=1.2)
    parser.add_argument("--max-warm-ms", type=float, default=100.0)
    return asyncio.run(measure(parser.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
