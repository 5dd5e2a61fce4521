"""Running one system's sync worker as an app resource: built, kept on the app, started and
stopped with it. bot/zendesk.py, hubspot_tickets.py, netsuite.py and harvest.py each say only
which sender and settings their system uses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web

from bot.keys import SERVICES
from bot.outbox_sender import runner_id
from services.sync import Sender, SyncQueue, SyncWorker
from services.sync.settings import SyncSettings
from services.sync.worker import OnDead, OnSent


@asynccontextmanager
async def running_worker(
    app: web.Application,
    key: web.AppKey[SyncWorker],
    sender: Sender,
    settings: SyncSettings,
    *,
    on_dead: OnDead,
    on_sent: OnSent | None = None,
) -> AsyncIterator[SyncWorker]:
    """The worker carrying `sender`'s system's changes, at app[key] while the app runs; in the
    background unless the settings say tests pump it by hand."""
    services = app[SERVICES]
    worker = SyncWorker(
        sender,
        SyncQueue(services.db),
        settings,
        runner=runner_id(),
        clock=lambda: services.clock(),  # read each time: tests replace services.clock
        on_dead=on_dead,
        on_sent=on_sent,
    )
    app[key] = worker
    if settings.background:
        worker.start()
    yield worker
    if settings.background:
        await worker.stop()
