"""Proactive delivery under Teams' rate limits: the outbox against a naive sender, same connector.

A local connector (tests/harness/connector.py, served by bench/outbox_connector.py in its own
process, so its work never queues on the senders' event loop) enforces Teams' limits — 50
requests/s per app per tenant, 7/s and 1,800/h per conversation — answering 429 with
Retry-After in whole seconds.
Both senders deliver the same messages: most spread over many chats, a block concentrated on
one chat. The naive sender is what a bot without pacing does: as fast as it can with 20 tasks,
retrying a 429 after its Retry-After. The outbox is the bot's own path (Notifier.send, then the
outbox worker) on a SQLite file. Delivered %, duplicates, 429s and messages/s are printed, the
rate also as a share of the most the limits allow for this mix (their exact lower bound on the
time). Nothing talks to anything but 127.0.0.1.

    python bench/outbox.py [--messages 1000] [--conversations 20] [--hot 100]
                           [--min-efficiency 0.9] [--no-pin]

With two CPUs or more the connector runs on one and the senders on another.

The defaults take about a minute; the exit status is 1 if the outbox loses or doubles a
message, or reaches less than --min-efficiency of the allowed rate.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import os
import random
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# Run as `python bench/outbox.py`, so the project root (app, bot, bench, tests) must be importable.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from botbuilder.core import MessageFactory, TurnContext  # noqa: E402
from botbuilder.schema import ConversationReference  # noqa: E402
from msrest.exceptions import HttpOperationError  # noqa: E402

from bench import serve  # noqa: E402
from bot.adapter import create_adapter  # noqa: E402
from bot.notifier import Notifier  # noqa: E402
from bot.outbox_sender import OutboxSender  # noqa: E402
from bot.outbox_worker import OutboxWorker  # noqa: E402
from bot.proactive import http_status, retry_after  # noqa: E402
from bot.references import ReferenceBook  # noqa: E402
from services.db import Database  # noqa: E402
from services.db.conversations import ConversationRefRepository, StoredReference  # noqa: E402
from services.db.outbox import OutboxRepository  # noqa: E402
from services.db.types import utc_now  # noqa: E402
from services.delivery import DeliverySettings, Recipient  # noqa: E402
from services.profile import load_profile  # noqa: E402
from services.settings import Settings  # noqa: E402
from tests.harness.connector import Limits  # noqa: E402

CONNECTOR = "bench.outbox_connector:connector_app"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
NAIVE_TASKS = 20
LIMITS = Limits(retry_after="seconds")


@dataclass
class Run:
    """What one sender achieved."""

    label: str
    messages: int
    seconds: float
    delivered: int
    duplicates: int
    throttled: int

    @property
    def rate(self) -> float:
        """Messages delivered per second."""
        return self.delivered / self.seconds


def plan(messages: int, conversations: int, hot: int) -> list[tuple[str, str]]:
    """(conversation, text) per message: `hot` to one chat, the rest spread over the others,
    in a shuffled (but repeatable) order, as jobs and turns would produce them."""
    spread = [(f"chat-{n % conversations}", f"msg {n}") for n in range(messages - hot)]
    mix = [*spread, *(("chat-hot", f"hot {n}") for n in range(hot))]
    random.Random(5).shuffle(mix)
    return mix


def shortest_time(mix: list[tuple[str, str]]) -> float:
    """The least time the limits allow for the mix: n requests in a window of L per W seconds
    need (ceil(n / L) - 1) * W seconds; the slowest limit decides."""
    bounds = [(math.ceil(len(mix) / limit) - 1) * seconds for limit, seconds in LIMITS.tenant]
    for count in Counter(chat for chat, _ in mix).values():
        bounds += [
            (math.ceil(count / limit) - 1) * seconds for limit, seconds in LIMITS.conversation
        ]
    return max(bounds)


def reference(connector: str, chat: str) -> dict:
    """A stored reference to a group chat with the bot, served by the local connector."""
    return {
        "bot": {"id": "28:bench-bot", "name": "Support Desk"},
        "conversation": {"id": chat, "conversationType": "groupChat", "tenantId": TENANT},
        "channelId": "msteams",
        "serviceUrl": connector + "/",
    }


async def tally(label: str, connector: str, prefix: str, mix, seconds: float) -> Run:
    """Count what reached the connector for this run's conversations."""
    url = connector + "/bench/outcome"
    async with (
        aiohttp.ClientSession() as session,
        session.get(url, params={"prefix": prefix}) as got,
    ):
        got.raise_for_status()
        found = await got.json()
    got = Counter(found["texts"])
    wanted = {text for _, text in mix}
    throttled = found["throttled"]
    return Run(
        label,
        len(mix),
        seconds,
        delivered=len(wanted & set(got)),
        duplicates=sum(n - 1 for n in got.values() if n > 1),
        throttled=throttled,
    )


async def naive(connector: str, mix, settings: Settings) -> Run:
    """20 tasks sending as fast as they can; a 429 waits out its Retry-After and is retried."""
    prefix = "naive:"
    adapter, auth = create_adapter(settings)
    queue: asyncio.Queue = asyncio.Queue()
    for chat, text in mix:
        queue.put_nowait((prefix + chat, text))

    async def one(chat: str, text: str) -> float | None:
        """Send once: None when delivered, else the seconds to wait before the next try."""
        wait: list[float] = []

        async def callback(context: TurnContext) -> None:
            try:
                await context.send_activity(MessageFactory.text(text))
            except HttpOperationError as error:
                found = retry_after(error, utc_now())
                wait.append(found if http_status(error) == 429 and found is not None else 0.1)

        ref = ConversationReference().deserialize(reference(connector, chat))
        await adapter.continue_conversation(ref, callback, settings.app_id)
        return wait[0] if wait else None

    async def task() -> None:
        while not queue.empty():
            chat, text = queue.get_nowait()
            for _ in range(10_000):  # bounded: a bug should fail the bench, not hang it
                wait = await one(chat, text)
                if wait is None:
                    break
                await asyncio.sleep(wait)

    started = time.perf_counter()
    await asyncio.gather(*(task() for _ in range(NAIVE_TASKS)))
    seconds = time.perf_counter() - started
    await auth.close()
    return await tally("naive (Retry-After)", connector, prefix, mix, seconds)


async def arrived(connector: str, prefix: str, mix, timeout: float) -> None:
    """Return once every message of the mix has reached the connector under `prefix`."""
    body = {"prefix": prefix, "texts": [text for _, text in mix], "timeout": timeout}
    client = aiohttp.ClientTimeout(total=timeout + 30)
    url = connector + "/bench/wait"
    async with (
        aiohttp.ClientSession(timeout=client) as session,
        session.post(url, json=body) as answer,
    ):
        answer.raise_for_status()


async def outbox(connector: str, mix, settings: Settings, workdir: Path) -> Run:
    """The bot's path: Notifier.send for each message, then the outbox worker, paced."""
    prefix = "outbox:"
    db = await Database.connect(f"sqlite+aiosqlite:///{workdir / 'outbox.db'}")
    await db.migrate()
    references, repository = ConversationRefRepository(db), OutboxRepository(db)
    for chat in sorted({chat for chat, _ in mix}):
        key = f"conversation:{prefix}{chat}"
        stored = reference(connector, prefix + chat)
        await references.upsert(StoredReference(key, "groupChat", None, TENANT, None, None, stored))
    adapter, auth = create_adapter(settings)
    sender = OutboxSender(
        adapter,
        settings.app_id,
        references,
        ReferenceBook(references),
        repository,
        settings.delivery,
        runner="bench",
        profile=load_profile("bestpack"),
    )
    worker = OutboxWorker(sender, repository)
    notifier = Notifier(sender, repository)
    worker.start()
    started = time.perf_counter()
    for n, (chat, text) in enumerate(mix):
        to = Recipient("conversation", f"conversation:{prefix}{chat}")
        await notifier.tell(to, MessageFactory.text(text), f"bench:{n}")
    await arrived(connector, prefix, mix, timeout=600)
    seconds = time.perf_counter() - started
    await worker.stop()
    await auth.close()
    await db.close()
    return await tally("outbox (paced)", connector, prefix, mix, seconds)


def report(runs: list[Run], mix, conversations: int, hot: int) -> float:
    """Print the table; return the outbox's share of the allowed rate."""
    least = shortest_time(mix)
    allowed = len(mix) / least
    spread = len(mix) - hot
    print(
        f"{len(mix)} messages: {spread} over {conversations} chats, {hot} to one more; limits "
        f"{LIMITS.tenant[0][0]}/s per tenant, {LIMITS.conversation[0][0]}/s and "
        f"{LIMITS.conversation[1][0]}/h per chat"
    )
    print(
        f"{'sender':<22}{'delivered':>10}{'duplicates':>11}{'429s':>7}{'seconds':>9}"
        f"{'msgs/s':>8}{'of allowed':>12}"
    )
    for run in runs:
        share = 100 * run.rate / allowed
        print(
            f"{run.label:<22}{100 * run.delivered / run.messages:>9.1f}%{run.duplicates:>11}"
            f"{run.throttled:>7}{run.seconds:>9.1f}{run.rate:>8.1f}{share:>11.0f}%"
        )
    base, mine = runs
    print(f"allowed: {allowed:.1f} msgs/s (the limits allow this mix in {least:.1f} s)")
    ratio = mine.rate / base.rate
    print(f"outbox / naive = {ratio:.2f}x msgs/s; 429s {mine.throttled} vs {base.throttled}")
    return mine.rate / allowed


def cpu_plan(pin: bool) -> tuple[int | None, int | None]:
    """(CPU for the connector, CPU for the senders); no pinning with fewer than two."""
    if not pin or not hasattr(os, "sched_getaffinity"):
        return None, None
    cpus = sorted(os.sched_getaffinity(0))
    return (cpus[0], cpus[1]) if len(cpus) >= 2 else (None, None)


async def both(connector: str, mix) -> tuple[Run, Run]:
    """The naive sender, then the outbox, against the same connector."""
    settings = Settings(_env_file=None, app_id="", app_password="", delivery=DeliverySettings())
    base = await naive(connector, mix, settings)
    await asyncio.sleep(1.1)  # let the tenant's one-second window empty
    with tempfile.TemporaryDirectory() as workdir:
        mine = await outbox(connector, mix, settings, Path(workdir))
    return base, mine


def run(args: argparse.Namespace) -> int:
    mix = plan(args.messages, args.conversations, args.hot)
    connector_cpu, sender_cpu = cpu_plan(args.pin)
    before = os.sched_getaffinity(0) if sender_cpu is not None else None
    child = serve.start(CONNECTOR, {"retry_after": LIMITS.retry_after}, connector_cpu)
    try:
        url = serve.ready(child).url
        serve.pin_to(sender_cpu)
        base, mine = asyncio.run(both(url, mix))
    finally:
        child.stop()
        if before is not None:
            os.sched_setaffinity(0, before)  # the caller (a test run, say) gets its CPUs back
    where = f"connector on CPU {connector_cpu}, senders on CPU {sender_cpu}"
    print(f"{os.cpu_count()} CPUs, {where if sender_cpu is not None else 'not pinned'}")
    efficiency = report([base, mine], mix, args.conversations, args.hot)
    if mine.delivered < mine.messages or mine.duplicates:
        print(
            f"FAIL: the outbox delivered {mine.delivered}/{mine.messages}, {mine.duplicates} twice"
        )
        return 1
    if efficiency < args.min_efficiency:
        print(f"FAIL: {efficiency:.0%} of the allowed rate, below --min-efficiency")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run both senders on the same mix and print the comparison; the exit status judges it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--hot", type=int, default=100, help="messages to one extra chat")
    parser.add_argument("--min-efficiency", type=float, default=0.9)
    parser.add_argument("--no-pin", dest="pin", action="store_false", help="do not pin CPUs")
    args = parser.parse_args(argv)
    # botbuilder 4.17 is archived and uses datetime.utcnow: its deprecation noise is not ours.
    warnings.simplefilter("ignore", DeprecationWarning)
    logging.basicConfig(level=logging.ERROR)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
