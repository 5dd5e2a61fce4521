"""The results table (medians over rounds) and the verdict against --min-ratio."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from bench.load import Run

BASELINE, SUBJECT, STOCK_CLIENTS = "echo (stock sample)", "desk", "desk, stock clients"
FLOOR = "floor (bare aiohttp)"


def report(runs: list[Run], labels: Sequence[str], levels: list[int]) -> dict[int, float]:
    """Print the table (medians over rounds); return subject/baseline turns/s per level."""
    print(
        f"{'bot':<21}{'in flight':>10}{'turns':>7}{'turns/s':>9}  {'(min-max)':<11}"
        f"{'p50 ms':>8}{'p99 ms':>8}{'bot CPU ms/turn':>17}"
    )
    rate: dict[tuple[str, int], float] = {}
    for concurrency in levels:
        for label in labels:
            mine = [r for r in runs if r.bot == label and r.concurrency == concurrency]
            per_round = [r.turns_per_s for r in mine]
            rate[label, concurrency] = statistics.median(per_round)
            spread = f"({min(per_round):.0f}-{max(per_round):.0f})"
            print(
                f"{label:<21}{concurrency:>10}{mine[0].turns:>7}"
                f"{rate[label, concurrency]:>9.1f}  {spread:<11}"
                f"{statistics.median(r.percentile_ms(50) for r in mine):>8.2f}"
                f"{statistics.median(r.percentile_ms(99) for r in mine):>8.2f}"
                f"{statistics.median(r.cpu_ms_per_turn for r in mine):>17.2f}"
            )
    print()
    others = [label for label in labels if label not in (BASELINE, FLOOR)]
    for concurrency in levels:
        base = rate[BASELINE, concurrency]
        parts = [f"{label} / echo = {rate[label, concurrency] / base:.2f}x" for label in others]
        if (STOCK_CLIENTS, concurrency) in rate:
            reuse = rate[SUBJECT, concurrency] / rate[STOCK_CLIENTS, concurrency]
            parts.append(f"client reuse buys {reuse:.2f}x")
        if (FLOOR, concurrency) in rate:
            share = rate[SUBJECT, concurrency] / rate[FLOOR, concurrency]
            parts.append(f"desk / floor = {share:.0%}")
        print(f"turns/s at {concurrency} in flight: " + "; ".join(parts))
    return {c: rate[SUBJECT, c] / rate[BASELINE, c] for c in levels}


def verdict(ratios: dict[int, float], min_ratio: float) -> int:
    """The exit status: 1 when desk/echo turns/s is below `min_ratio` at any level."""
    worst = min(ratios, key=ratios.__getitem__)
    if ratios[worst] < min_ratio:
        print(
            f"FAIL: desk/echo turns/s is {ratios[worst]:.2f}x at {worst} in flight, "
            f"below --min-ratio {min_ratio}"
        )
        return 1
    return 0
