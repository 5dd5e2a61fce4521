"""Kill -9 a bot while its outbox sends, and count the messages that then arrive twice.

Each trial stores a backlog (200 messages over 10 chats) in a fresh SQLite file or PostgreSQL
schema, forks a process whose outbox worker sends it at Teams' pace to a local connector
(served in its own process, on loopback only), SIGKILLs that process at a random moment while
it sends, and lets a second worker finish the backlog once the dead one's claims have run out
(they are expired for it, instead of waiting the 120 s lease). A message that reaches the
connector twice was delivered by the killed process without its "sent" being recorded: the
window bot/outbox_sender.py keeps small.

    python bench/outbox_kill.py [--trials 144] [--messages 200] [--chats 10] [--seed 1]
                                [--postgres postgresql+asyncpg://postgres@127.0.0.1/test]

Not part of `make bench`: a trial takes about five seconds. Prints each kill, then how many
kills sent something twice and the duplicates in all; the exit status is 1 if one was lost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import multiprocessing
import os
import random
import signal
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aiohttp import web  # noqa: E402
from botbuilder.core import MessageFactory  # noqa: E402
from sqlalchemy import text, update  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from bench import serve  # noqa: E402
from bench.outbox import TENANT, reference  # noqa: E402
from bench.outbox_connector import outcome  # noqa: E402
from bot.adapter import create_adapter  # noqa: E402
from bot.outbox_sender import OutboxSender  # noqa: E402
from bot.outbox_worker import OutboxWorker  # noqa: E402
from bot.references import ReferenceBook  # noqa: E402
from services.db import Database  # noqa: E402
from services.db.conversations import ConversationRefRepository, StoredReference  # noqa: E402
from services.db.outbox import OutboxMessage, OutboxRepository  # noqa: E402
from services.db.schema import outbox as outbox_table  # noqa: E402
from services.db.types import utc_now  # noqa: E402
from services.delivery import DeliverySettings  # noqa: E402
from services.profile import load_profile  # noqa: E402
from services.settings import Settings  # noqa: E402
from tests.harness.connector import FakeConnector  # noqa: E402

CONNECTOR = "bench.outbox_kill:connector_app"
# The defaults (Teams' pace, 120 s leases: the survivor is told the dead one's have run out).
DELIVERY = DeliverySettings(_env_file=None, poll_seconds=0.2)


def connector_app(options: dict[str, Any]) -> web.Application:
    """A connector without rate limits that reports what reached it under a prefix."""
    connector = FakeConnector()

    async def read(request: web.Request) -> web.Response:
        return web.json_response(outcome(connector, request.query["prefix"]))

    app = connector.app()
    app.router.add_get("/bench/outcome", read)
    return app


def arrived(connector: str, prefix: str) -> list[str]:
    """The texts that reached the connector under `prefix`, repeats included."""
    query = urllib.parse.urlencode({"prefix": prefix})
    with urllib.request.urlopen(f"{connector}/bench/outcome?{query}", timeout=10) as answer:
        return json.load(answer)["texts"]


@dataclass(frozen=True)
class Target:
    """Where one trial's outbox lives: a SQLite file, or a PostgreSQL schema."""

    url: str
    schema: str | None = None

    async def open(self) -> Database:
        """The database, connected."""
        return await Database.connect(self.url, schema=self.schema)


async def seed(target: Target, connector: str, prefix: str, messages: int, chats: int) -> None:
    """The backlog: `messages` texts spread over `chats` group chats."""
    if target.schema:
        await admin(target.url, f'CREATE SCHEMA "{target.schema}"')
    db = await target.open()
    await db.migrate()
    references, outbox = ConversationRefRepository(db), OutboxRepository(db)
    for n in range(chats):
        chat = f"{prefix}chat-{n}"
        stored = reference(connector, chat)
        await references.upsert(
            StoredReference(f"conversation:{chat}", "groupChat", None, TENANT, None, None, stored)
        )
    for n in range(messages):
        payload = MessageFactory.text(f"{prefix}{n}").serialize()
        target_key = f"conversation:{prefix}chat-{n % chats}"
        await outbox.add(OutboxMessage(f"{prefix}{n}", "conversation", target_key, payload))
    await db.close()


async def admin(url: str, statement: str) -> None:
    """Run one statement on PostgreSQL outside any schema (create or drop a trial's)."""
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def deliver(target: Target, runner: str, until: int | None) -> None:
    """Run an outbox worker: for ever (until killed), or until `until` messages are sent."""
    db = await target.open()
    settings = Settings(_env_file=None, app_id="", app_password="", delivery=DELIVERY)
    adapter, auth = create_adapter(settings)
    references, outbox = ConversationRefRepository(db), OutboxRepository(db)
    sender = OutboxSender(
        adapter,
        "",
        references,
        ReferenceBook(references),
        outbox,
        DELIVERY,
        runner=runner,
        profile=load_profile("bestpack"),
    )
    worker = OutboxWorker(sender, outbox)
    if until is not None:
        # The killed sender's leases have run out (as if lease_seconds had passed).
        async with db.engine.begin() as connection:
            await connection.execute(
                update(outbox_table)
                .where(outbox_table.c.claimed_by.is_not(None))
                .values(claimed_until=utc_now())
            )
    worker.start()
    try:
        while True:
            if until is not None and (await outbox.counts())["sent"] >= until:
                return
            await asyncio.sleep(0.05)  # the outbox has no change feed to wait on
    finally:
        await worker.stop()
        await auth.close()
        await db.close()


def killed_sender(target: Target) -> None:
    """The child the trial kills: sends the backlog, never finishing on its own."""
    warnings.simplefilter("ignore", DeprecationWarning)
    asyncio.run(deliver(target, f"doomed-{os.getpid()}", None))


def trial(n: int, connector: str, args: argparse.Namespace, rng: random.Random, workdir: Path):
    """(duplicates, lost, sends before the kill) of one kill."""
    prefix = f"t{n}:"
    if args.postgres:
        target = Target(args.postgres, f"kill_{os.getpid()}_{n}")
    else:
        target = Target(f"sqlite+aiosqlite:///{workdir / f't{n}.db'}")
    asyncio.run(seed(target, connector, prefix, args.messages, args.chats))
    child = multiprocessing.get_context("fork").Process(target=killed_sender, args=(target,))
    child.start()
    deadline = time.monotonic() + 30
    while not arrived(connector, prefix) and time.monotonic() < deadline:
        time.sleep(0.01)
    # At a random moment while it sends: the backlog takes about messages / 50 s at Teams' pace.
    time.sleep(rng.uniform(0, 0.8 * args.messages / DELIVERY.tenant_per_second))
    before = len(arrived(connector, prefix))
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    asyncio.run(deliver(target, "survivor", args.messages))
    if target.schema:
        asyncio.run(admin(target.url, f'DROP SCHEMA "{target.schema}" CASCADE'))
    texts = Counter(arrived(connector, prefix))
    duplicates = sum(count - 1 for count in texts.values())
    return duplicates, args.messages - len(texts), before


def main(argv: list[str] | None = None) -> int:
    """Run the trials and print the tally; the exit status judges losses, not duplicates."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=144)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--chats", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--postgres", help="a postgresql+asyncpg URL (default: SQLite files)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)
    logging.basicConfig(level=logging.CRITICAL)
    rng = random.Random(args.seed)
    served = serve.ready(serve.start(CONNECTOR, {}))
    doubled = duplicates = lost = 0
    try:
        with tempfile.TemporaryDirectory() as workdir:
            for n in range(args.trials):
                dup, gone, before = trial(n, served.url, args, rng, Path(workdir))
                doubled += dup > 0
                duplicates += dup
                lost += gone
                print(
                    f"trial {n}: killed after {before} sends, {dup} twice, {gone} lost", flush=True
                )
    finally:
        served.stop()
    print(f"{doubled} of {args.trials} kills sent a message twice ({duplicates} duplicates)")
    print(f"{lost} messages lost")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
