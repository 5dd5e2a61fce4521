"""Turns/s of the project's `help` turn against Microsoft's stock echo bot and the physical
floor (bare aiohttp posting one reply, bench/floor.py), all against the same connector."""

# Layout, and why: every party is its own spawned process (one process tree). The load client
# and the connector share one CPU and the bots (only one of them busy at a time) get the other,
# when there are two, so the client's and connector's own Python work never queues on the event
# loop or the core of the bot being measured, which is what the ratio is about. Each round runs
# every bot once per concurrency level, in an order rotated every round, so drift and noise hit
# each bot alike; the table shows medians over rounds. Nothing talks to anything but 127.0.0.1.
#
#   python bench/turns.py [--turns 150] [--warmup 60] [--concurrency 1 4] [--rounds 3]
#                         [--min-ratio 0] [--no-pin]
#
# The defaults take about 60 s on two cores; CPU ms/turn (the bot process's own CPU time, all
# threads) is the steadiest column on a shared machine, turns/s the one the target is set in.

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Run as `python bench/turns.py`, so the project root (app, bot, bench, tests) must be importable.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from bench import load, serve  # noqa: E402
from bench.table import BASELINE, FLOOR, STOCK_CLIENTS, SUBJECT, report, verdict  # noqa: E402


@dataclass(frozen=True)
class Bot:
    """One bot under test: a label, the app its child process serves, and what it must answer."""

    label: str
    app: str  # "module:function", see bench.serve
    options: dict[str, Any] = field(default_factory=dict)

    def check(self, tally: dict[str, Any], turns: int) -> str | None:
        """Why the connector's tally does not show `turns` proper answers, or None if it does."""
        if tally["replies"] != turns:
            return f"{turns} turns but {tally['replies']} replies reached the connector"
        last = tally["last"] or {}
        if self.app in (serve.ECHO, serve.FLOOR):
            return None if last.get("text") == "Echo: help" else f"unexpected reply {last}"
        if tally["cards"] != turns:
            return f"{turns} turns but {tally['cards']} cards"
        # A roster member's help card greets them by name; a stranger's says "Hello!".
        texts = [
            block.get("text", "")
            for attachment in last.get("attachments") or []
            for block in (attachment.get("content") or {}).get("body") or []
        ]
        return None if any(t.startswith("Hi ") for t in texts) else f"not a member's card: {texts}"


def bots(workdir: Path) -> list[Bot]:
    """The baselines first, then the project's bot, then the same without client reuse."""
    return [
        Bot(BASELINE, serve.ECHO),
        Bot(FLOOR, serve.FLOOR),
        Bot(SUBJECT, serve.DESK, {"db_path": str(workdir / "desk.db")}),
        Bot(STOCK_CLIENTS, serve.DESK, {"db_path": str(workdir / "stock.db"), "stock_clients": 1}),
    ]


def cpu_plan(pin: bool) -> tuple[int | None, int | None]:
    """(CPU for client and connector, CPU for the bots); no pinning with fewer than two."""
    if not pin or not hasattr(os, "sched_getaffinity"):
        return None, None
    cpus = sorted(os.sched_getaffinity(0))
    return (cpus[0], cpus[1]) if len(cpus) >= 2 else (None, None)


async def measure(
    args: argparse.Namespace, served: dict[str, serve.Served], connector_url: str, order: list[Bot]
) -> list[load.Run]:
    """Warm every bot up, then time the rotating rounds; every run's answers are checked."""
    users = load.roster_users()
    runs: list[load.Run] = []
    async with aiohttp.ClientSession() as session:

        async def run(bot: Bot, turns: int, concurrency: int) -> load.Run:
            bodies = load.help_bodies(users, turns, connector_url + "/")
            await load.tally(session, connector_url, reset=True)
            child = served[bot.label]
            cpu_before = child.cpu_seconds()
            url = child.url + "/api/messages"
            seconds, latencies = await load.post_turns(session, url, bodies, concurrency)
            cpu = child.cpu_seconds() - cpu_before
            problem = bot.check(await load.tally(session, connector_url, reset=False), turns)
            if problem:
                raise SystemExit(f"{bot.label}: {problem}")
            return load.Run(bot.label, concurrency, seconds, latencies, cpu)

        for bot in order:
            # First turns pay one-off costs (imports, SQL compilation, identity look-ups), so
            # every roster user has had at least one turn before anything is timed.
            await run(bot, max(args.warmup, len(users)), max(args.concurrency))
        for round_no in range(args.rounds):
            shift = round_no % len(order)
            rotated = order[shift:] + order[:shift]
            for concurrency in args.concurrency:
                for bot in rotated:
                    runs.append(await run(bot, args.turns, concurrency))
    return runs


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=150, help="timed turns per run")
    parser.add_argument("--warmup", type=int, default=60, help="untimed turns per bot, first")
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[1, 4], help="turns in flight (levels)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all bots and levels")
    parser.add_argument(
        "--min-ratio",
        type=float,
        default=0.0,
        help="exit 1 if desk/echo turns/s is below this at any concurrency level",
    )
    parser.add_argument("--no-pin", dest="pin", action="store_false", help="do not pin CPUs")
    args = parser.parse_args(argv)
    if min(args.turns, args.warmup, args.rounds, *args.concurrency) < 1:
        parser.error("--turns, --warmup, --rounds and --concurrency must be at least 1")
    return args


def main(argv: list[str] | None = None, lineup: Callable[[Path], list[Bot]] = bots) -> int:
    """Start the connector and the bots, measure, print, and judge against --min-ratio."""
    # `lineup` lets a scratch script add bots (a prototype fix, say) without editing this file.
    args = parse_args(argv)
    started = time.perf_counter()
    client_cpu, bot_cpu = cpu_plan(args.pin)
    serve.pin_to(client_cpu)
    with tempfile.TemporaryDirectory(prefix="bench-turns-") as tmp:
        order = lineup(Path(tmp))
        members = {u.user_id: u.member() for u in load.roster_users()}
        # Started together, so the children's imports overlap instead of queueing.
        children = [serve.start(serve.CONNECTOR, {"members": members}, client_cpu)]
        children += [serve.start(bot.app, bot.options, bot_cpu) for bot in order]
        try:
            connector, *rest = [serve.ready(child) for child in children]
            served = {bot.label: child for bot, child in zip(order, rest, strict=True)}
            runs = asyncio.run(measure(args, served, connector.url, order))
        finally:
            for child in children:
                child.stop()
    where = f"bots on CPU {bot_cpu}, client+connector on CPU {client_cpu}"
    print(
        f"{args.rounds} rounds x {args.turns} `help` turns per bot and level, medians over "
        f"rounds; {os.cpu_count()} CPUs, {where if bot_cpu is not None else 'not pinned'}\n"
    )
    ratios = report(runs, [bot.label for bot in order], args.concurrency)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return verdict(ratios, args.min_ratio)


if __name__ == "__main__":
    sys.exit(main())
