"""NetSuite as an app resource: the sync worker that makes process 6's projects there, only when
NetSuite is configured (NETSUITE_*) and the profile keeps its projects there ([bp_search]).

What follows (the number on the posted cards, or the approver told of a refusal) is the service
feature's, registered with `on_synced` (bot/sync_follow_ups.py hands it over).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from aiohttp import web

from bot.keys import NETSUITE_SYNC_WORKER, SERVICES, SETTINGS
from bot.sync_follow_ups import on_dead, on_sent
from bot.sync_workers import running_worker
from services.sync.netsuite import SYSTEM
from services.sync.netsuite.projects import ProjectSender

# Projects are few, and NetSuite's concurrency limit is the whole account's (5 requests at once
# on the shared tier, look-ups included): one project at a time leaves the rest to BP Search.
SENDS_AT_ONCE = 1


async def netsuite_sync_ctx(app: web.Application) -> AsyncIterator[None]:
    """The worker that carries approved service requests' projects to NetSuite."""
    services = app[SERVICES]
    client = services.netsuite
    if client is None or services.profile.bp_search.projects != SYSTEM:
        yield
        return
    settings = app[SETTINGS].sync.model_copy(update={"concurrency": SENDS_AT_ONCE})
    sender = ProjectSender(client, services.service_requests, services.tickets, services.profile)
    async with running_worker(
        app,
        NETSUITE_SYNC_WORKER,
        sender,
        settings,
        on_dead=on_dead(app, SYSTEM),
        on_sent=on_sent(app, SYSTEM),
    ):
        yield
