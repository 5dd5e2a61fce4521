"""One aiohttp cleanup context per resource: each opens at start-up and closes at shutdown."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
from aiohttp import web

from bot.adapter import create_adapter, signing_keys
from bot.after import AfterAnswer
from bot.errors import on_turn_error
from bot.handler import SupportBot
from bot.identity import IdentityResolver
from bot.keys import (
    ADAPTER,
    AFTER,
    BOT,
    DATABASE,
    FEATURES,
    HTTP,
    METRICS,
    PROFILE,
    REPLAYS,
    SERVICES,
    SETTINGS,
    TENANTS,
)
from bot.notifier import Notifier
from bot.outbox_sender import OutboxSender, runner_id
from bot.outbox_worker import OutboxWorker
from bot.references import ReferenceBook
from bot.replay import Replays
from bot.router import Router
from bot.tenants import TenantGate
from services.app_services import build_services
from services.db import Database
from services.db.receipts import ReceiptBook
from services.profile import load_profile

log = logging.getLogger("bot")


async def profile_ctx(app: web.Application) -> AsyncIterator[None]:
    """Load and validate the process profile; a wrong one stops start-up."""
    app[PROFILE] = load_profile(app[SETTINGS].profile)
    yield


async def database_ctx(app: web.Application) -> AsyncIterator[None]:
    """Open the database and bring its schema to the newest migration."""
    database = await Database.connect(app[SETTINGS].database_url)
    try:
        await database.migrate()
        app[DATABASE] = database
        yield
    finally:
        await database.close()


async def http_client_ctx(app: web.Application) -> AsyncIterator[None]:
    """One outbound HTTP client, shared by every client of an outside system."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=5.0)) as client:
        app[HTTP] = client
        yield


async def bot_ctx(app: web.Application) -> AsyncIterator[None]:
    """The adapter, the router and the bot, built on the resources opened before."""
    settings = app[SETTINGS]
    if not settings.auth_enabled:
        log.warning(
            "Authentication is OFF (no MicrosoftAppId): listening on 127.0.0.1 only, "
            "for local testing with the Agents Playground."
        )
    services = build_services(settings, app[PROFILE], app[DATABASE], app[HTTP])
    adapter, auth = create_adapter(settings)
    keys = signing_keys(settings, app[HTTP], lambda: services.clock())  # tests move the clock
    adapter.on_turn_error = on_turn_error
    after = AfterAnswer()
    book = ReferenceBook(services.references)
    sender = OutboxSender(
        adapter,
        settings.app_id,
        services.references,
        book,
        services.outbox,
        settings.delivery,
        runner=runner_id(),
        profile=services.profile,
        metrics=app[METRICS],
    )
    outbox_worker = OutboxWorker(sender, services.outbox)
    app[SERVICES] = services
    app[ADAPTER] = adapter
    app[TENANTS] = TenantGate(settings.allowed_tenant_ids)
    app[REPLAYS] = Replays(ReceiptBook(services.db))
    app[AFTER] = after
    app[BOT] = SupportBot(
        services=services,
        router=Router(app[FEATURES]),
        identity=IdentityResolver(services.profile, services.identities),
        references=book,
        notifier=Notifier(sender, services.outbox, services),
    )
    outbox_worker.start()
    yield
    await outbox_worker.stop()  # before the adapter's clients close: its sends still use them
    await after.drain()
    await auth.close()
    await keys.close()
