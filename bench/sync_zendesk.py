"""The sync_drain bench's Zendesk run: the real ZendeskSender over HTTP to the fake Zendesk.

The fake Zendesk (tests/harness/fake_zendesk.py) runs in its own process, as Zendesk would be
elsewhere, holding --changes tickets already filed (as after their creates were sent); it
checks every request like Zendesk and answers 429 past --limit requests in any --window
seconds. The bot's side has the same tickets in its SQLite file with their Zendesk ids, and one
note per ticket queued as the ticket repository queues it. The SyncWorker, paced to the limit,
sends each as the PUT /api/v2/tickets/{id}.json the sender builds (the ticket read from the
database, the note a private comment). Lost: a ticket without its note in the fake; twice: a
note posted more than once.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from aiohttp import web

from bench import serve
from services.app_services import build_services
from services.db import Database
from services.db.types import utc_now
from services.profile import load_profile
from services.settings import Settings
from services.sync import NewChange, SyncQueue, SyncSettings, SyncWorker
from services.sync.tickets import event_payload
from services.sync.zendesk import ZendeskSender
from services.sync.zendesk.links import ZendeskLinks
from services.tickets import TicketDraft, TicketRepository
from services.tickets.model import EventKind, TicketEvent
from tests.harness.fake_zendesk import API_EMAIL, API_TOKEN, FakeZendesk
from tests.harness.zendesk_desk import AGENTS, FIELDS, WEBHOOK_SECRET, zendesk_profile

SYSTEM = "zendesk"
FAKE = "bench.sync_zendesk:fake_app"
NOTE = "Replaced the encoder cable"
PLC = dict(issue_type="controls", complexity="standard", description="PLC faults on start.")


def number(n: int) -> str:
    """The bot's number of the n-th ticket."""
    return f"BP-{1001 + n}"


def fake_app(options: dict[str, Any]) -> web.Application:
    """The fake Zendesk, rate limited, with the bench's tickets; /bench/* reports on it."""
    fake = FakeZendesk(
        per_minute=options["limit"], window=options["window"], latency=options["latency"]
    )
    fields = {name: fake.store.add_field(title, kind) for name, (title, kind) in FIELDS.items()}
    for name, email in AGENTS.items():
        fake.store.add_user(name, email, "agent")
    author = fake.api_user
    ids = {}
    for n in range(options["tickets"]):
        body = {"subject": f"Line {n} stops", "comment": {"body": PLC["description"]}}
        ids[number(n)] = fake.store.create_ticket(body | {"external_id": number(n)}, author)["id"]

    async def state(_: web.Request) -> web.Response:
        return web.json_response({"fields": fields, "tickets": ids})

    async def outcome(_: web.Request) -> web.Response:
        taken = [r.at.timestamp() for r in fake.requests if r.method == "PUT" and r.status == 200]
        notes = [
            sum(1 for c in fake.store.comments[t] if c["body"].endswith(NOTE)) for t in ids.values()
        ]
        limited = sum(1 for r in fake.requests if r.status == 429)
        return web.json_response({"taken": taken, "notes": notes, "limited": limited})

    app = web.Application()
    app.router.add_get("/bench/state", state)  # before the catch-all: routes match in order
    app.router.add_get("/bench/outcome", outcome)
    app.router.add_route("*", "/{tail:.*}", fake.handle)
    return app


async def _queue_notes(services, ids: dict[str, int], now: datetime) -> None:
    """The tickets in the working copy with their Zendesk ids, one note each queued."""
    links, queue = ZendeskLinks(services.db), SyncQueue(services.db)
    # Filed without queueing their creates: the fake has them already.
    unsynced = TicketRepository(services.db, services.profile, None)
    for n in range(len(ids)):
        draft = TicketDraft(f"Line {n} stops", **PLC)
        ticket, _ = await unsynced.create(draft, "mary", f"bench-{n}", now)
        assert ticket.number == number(n), ticket.number
        await links.store(ticket, ids[ticket.number])
        note = event_payload(TicketEvent(EventKind.NOTE, "kevin", now, body=NOTE))
        payload = {"number": ticket.number, "version": ticket.version, "events": [note]}
        await queue.add(SYSTEM, ticket.number, [NewChange("update", payload, "kevin")], now)


async def _drain(args: argparse.Namespace, folder: Path, url: str, http: httpx.AsyncClient):
    state = (await http.get(f"{url}/bench/state")).json()
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite+aiosqlite:///{folder / 'zendesk.db'}",
        profile=str(zendesk_profile(folder, state["fields"])),
        zendesk_url=url,
        zendesk_email=API_EMAIL,
        zendesk_api_token=API_TOKEN,
        zendesk_webhook_secret=WEBHOOK_SECRET,
    )
    profile = load_profile(settings.profile)
    db = await Database.connect(settings.database_url)
    try:
        await db.migrate()
        services = build_services(settings, profile, db, http)
        await _queue_notes(services, state["tickets"], utc_now())
        sender = ZendeskSender(
            services.zendesk, services.tickets, profile, ZendeskLinks(db), utc_now
        )
        pace = SyncSettings(
            _env_file=None,
            pace_requests=args.limit,
            pace_window_seconds=args.window,
            concurrency=args.concurrency,
            batch=args.batch,
            poll_seconds=0.5,
        )
        worker = SyncWorker(sender, SyncQueue(db), pace, runner="bench")
        worker.start()
        try:
            # Polls the database, as an operator's dashboard would: the queue is the truth.
            while (await SyncQueue(db).stats())[SYSTEM].depth:  # noqa: ASYNC110
                await asyncio.sleep(0.1)
        finally:
            await worker.stop()
    finally:
        await db.close()


async def zendesk_run(args: argparse.Namespace, folder: Path) -> tuple[int, float, int, int, int]:
    """Drain --changes notes through the ZendeskSender to the limited fake: the requests taken,
    seconds from the first to the last, 429s, notes lost and notes posted twice."""
    options = {"limit": args.limit, "window": args.window, "latency": args.latency}
    fake = serve.ready(serve.start(FAKE, options | {"tickets": args.changes}))
    try:
        async with httpx.AsyncClient(timeout=30) as http:
            await _drain(args, folder, fake.url, http)
            seen = (await http.get(f"{fake.url}/bench/outcome")).json()
    finally:
        fake.stop()
    taken, notes = seen["taken"], seen["notes"]
    seconds = max(taken) - min(taken) if taken else 0.0
    lost = notes.count(0)
    doubled = sum(n - 1 for n in notes if n > 1)
    return len(taken), seconds, seen["limited"], lost, doubled
