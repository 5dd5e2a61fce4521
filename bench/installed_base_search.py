"""BP Search on the embedded installed base: find_machines and find_customers over 100,000
machines, against a `SELECT 1` round trip on the same engine in the same process.

Queries, each kind drawn from the data (seeded): serial prefixes (3 to 6 characters of a
stored serial), exact serials (find_machines and machine), and customer-name fragments (a word
or part of one). Every exact serial must come back first, or the bench fails. Target: the
p99 of every find_machines kind at or below 20 ms on SQLite.

  python bench/installed_base_search.py [--machines 100000] [--customers 4000]
                                        [--queries 300] [--postgres [URL]] [--max-p99-ms N]

SQLite (a temporary file) by default; --postgres uses a throwaway schema on that server.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

# Run as `python bench/installed_base_search.py`, so the project root must be importable.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from bench import installed_base_data  # noqa: E402
from bench.scorecard import POSTGRES, database  # noqa: E402
from services.db import Database  # noqa: E402
from services.installed_base.embedded import EmbeddedInstalledBase  # noqa: E402

TARGET_P99_MS = 20.0
LIMIT = 15  # what the intake typeahead asks for


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--machines", type=int, default=100_000)
    parser.add_argument("--customers", type=int, default=None, help="default: machines / 25")
    parser.add_argument("--queries", type=int, default=300, help="per kind of query")
    parser.add_argument("--postgres", nargs="?", const=POSTGRES, default=None, metavar="URL")
    parser.add_argument("--max-p99-ms", type=float, default=None, help="fail above this p99")
    return parser.parse_args(argv)


def percentile(samples: list[float], pct: float) -> float:
    """The nearest-rank percentile of `samples`."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


async def timed(texts: list[str], ask: Callable[[str], Awaitable[object]]) -> list[float]:
    """Milliseconds each question took, one after the other."""
    spent = []
    for asked in texts:
        started = time.perf_counter()
        await ask(asked)
        spent.append((time.perf_counter() - started) * 1000)
    return spent


def questions(rng: random.Random, customers, machines, count: int) -> dict[str, list[str]]:
    """The texts of each kind of query."""
    serials = [m.serial for m in rng.sample(machines, count)]
    names = [c.name for c in rng.sample(customers, count)]

    def fragment(name: str) -> str:
        word = rng.choice(name.split())
        start = rng.randrange(max(1, len(word) - 3))
        return word[start : start + rng.randint(3, 6)]

    return {
        "serial prefix": [s[: rng.randint(3, 6)] for s in serials],
        "exact serial": serials,
        "customer name fragment": [fragment(n) for n in names],
    }


async def unfound(base: EmbeddedInstalledBase, serials: list[str]) -> list[str]:
    """The stored serials that machine() misses or find_machines() does not give first."""
    missing = []
    for serial in serials:
        found = await base.find_machines(serial.lower(), LIMIT)
        if await base.machine(serial) is None or not found or found[0].serial != serial:
            missing.append(serial)
    return missing


async def select_one(db: Database) -> None:
    """The baseline: one round trip on a pooled connection, as every search makes."""
    async with db.engine.connect() as connection:
        await connection.execute(text("SELECT 1"))


async def run(args: argparse.Namespace) -> int:
    """Fill, time every kind, print, judge."""
    count = args.customers or max(1, args.machines // 25)
    customers, machines = installed_base_data.generate(args.machines, count)
    rng = random.Random(7)
    asked = questions(rng, customers, machines, min(args.queries, len(customers)))
    async with database(args.postgres) as db:
        started = time.perf_counter()
        await installed_base_data.load(db, customers, machines)
        print(
            f"{db.dialect}: {len(machines):,} machines of {len(customers):,} customers "
            f"(loaded in {time.perf_counter() - started:.1f} s); {len(asked['exact serial'])} "
            "queries of each kind, limit 15"
        )
        base = EmbeddedInstalledBase(db)

        def find(asked_text: str) -> Awaitable[object]:
            return base.find_machines(asked_text, LIMIT)

        missing = await unfound(base, asked["exact serial"])
        if missing:
            print(f"FAIL: stored serials not found first: {missing[:5]}")
            return 1
        await timed(asked["serial prefix"][:20], find)  # warm-up: statement caches
        fragments = asked["customer name fragment"]
        measured = [
            ("baseline SELECT 1", asked["exact serial"], lambda _: select_one(db)),
            *((f"find_machines, {kind}", texts, find) for kind, texts in asked.items()),
            ("machine, exact serial", asked["exact serial"], base.machine),
            ("find_customers, name fragment", fragments, lambda t: base.find_customers(t, LIMIT)),
        ]
        rows = [(label, await timed(texts, ask)) for label, texts, ask in measured]
    return report(rows, args.max_p99_ms)


def report(rows: list[tuple[str, list[float]]], max_p99_ms: float | None) -> int:
    """Print p50/p99 of each row and its ratio to the baseline; the exit status."""
    base_p50 = percentile(rows[0][1], 50)
    print(f"{'query':<40}{'p50 ms':>9}{'p99 ms':>9}{'p50 / SELECT 1':>16}")
    for label, spent in rows:
        p50, p99 = percentile(spent, 50), percentile(spent, 99)
        print(f"{label:<40}{p50:>9.2f}{p99:>9.2f}{p50 / base_p50:>15.1f}x")
    worst = max(percentile(s, 99) for label, s in rows if label.startswith("find_machines"))
    verdict = "met" if worst <= TARGET_P99_MS else "MISSED"
    print(f"worst find_machines p99 {worst:.2f} ms; target <= {TARGET_P99_MS:.0f} ms: {verdict}")
    if max_p99_ms is not None and worst > max_p99_ms:
        print(f"FAIL: {worst:.2f} ms is above --max-p99-ms {max_p99_ms:g}")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the bench; the exit status says whether it held."""
    return asyncio.run(run(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
