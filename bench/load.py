"""The load client: Teams personal-chat `help` messages posted to a bot, timed per turn."""

from __future__ import annotations

import asyncio
import json
import math
import time
import uuid
from dataclasses import dataclass
from typing import Any

import aiohttp

from tests.harness import activities as act

# Real roster members (services/profile/bestpack.toml), so the desk answers each as a colleague
# with the full help card rather than the short "not on the roster" path.
ROSTER = ("Mary", "Jordan", "Kevin", "Sean", "Ezechiel", "Allison")
JSON = {"Content-Type": "application/json"}


def roster_users() -> list[act.TeamsUser]:
    """Teams users for the roster people, with stable ids so every run reuses the same chats."""
    # Their AAD ids are unknown to the profile on purpose: the desk maps each by e-mail through
    # the roster API once (in the warm-up) and from its identity cache after that.
    return [
        act.TeamsUser(
            name=name,
            user_id=f"29:bench-{name.lower()}",
            aad_object_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench:{name}")),
            email=f"{name.lower()}@bestpack.example",
        )
        for name in ROSTER
    ]


def help_bodies(users: list[act.TeamsUser], count: int, service_url: str) -> list[bytes]:
    """`count` distinct `help` activities, round-robin over the users, as JSON bytes."""
    # Built and serialized up front, so making them is never part of a timed turn.
    return [
        json.dumps(act.personal_message(users[i % len(users)], "help", service_url)).encode()
        for i in range(count)
    ]


@dataclass
class Run:
    """One timed run of one bot at one concurrency."""

    bot: str
    concurrency: int
    seconds: float
    latencies: list[float]  # seconds, one per turn
    cpu_seconds: float  # the bot process's CPU time over the run

    @property
    def turns(self) -> int:
        """How many turns were timed."""
        return len(self.latencies)

    @property
    def turns_per_s(self) -> float:
        """Throughput over the whole run's wall time."""
        return self.turns / self.seconds

    @property
    def cpu_ms_per_turn(self) -> float:
        """The bot's own CPU cost of a turn, whatever the client and connector cost."""
        return self.cpu_seconds / self.turns * 1000

    def percentile_ms(self, p: float) -> float:
        """Nearest-rank percentile of the per-turn latency, in milliseconds."""
        ordered = sorted(self.latencies)
        rank = max(1, math.ceil(p / 100 * len(ordered)))
        return ordered[rank - 1] * 1000


async def post_turns(
    session: aiohttp.ClientSession, url: str, bodies: list[bytes], concurrency: int
) -> tuple[float, list[float]]:
    """Post every body with `concurrency` requests in flight; wall seconds and latencies."""
    pending = iter(bodies)
    latencies: list[float] = []

    async def worker() -> None:
        # Workers share one iterator: each takes the next body as soon as its previous turn is
        # answered, so exactly `concurrency` turns are in flight until the bodies run out.
        for body in pending:
            started = time.perf_counter()
            async with session.post(url, data=body, headers=JSON) as response:
                await response.read()
                if response.status >= 300:
                    raise RuntimeError(f"{url} answered {response.status}: {await response.text()}")
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies


async def tally(session: aiohttp.ClientSession, connector_url: str, reset: bool) -> dict[str, Any]:
    """The connector's counts (and optionally zero them), read outside any timed window."""
    if reset:
        async with session.post(f"{connector_url}/bench/tally/reset") as response:
            return await response.json()
    async with session.get(f"{connector_url}/bench/tally") as response:
        return await response.json()
