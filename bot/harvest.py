"""Harvest as an app resource: the sync worker that carries `time` entries to Harvest, only when
HARVEST_ACCOUNT_ID and HARVEST_TOKEN are set (with them unset, time is stored in the bot only).

What follows a refusal (the person told, in words) is the time feature's, registered with
`on_synced` (bot/sync_follow_ups.py hands it over).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from aiohttp import web

from bot.keys import HARVEST_SYNC_WORKER, SERVICES, SETTINGS
from bot.sync_follow_ups import on_dead, on_sent
from bot.sync_workers import running_worker
from services.sync.harvest import SYSTEM
from services.sync.harvest.sender import HarvestSender
from services.tickets import Ticket

if TYPE_CHECKING:
    from services.app_services import AppServices

# Harvest allows 100 requests per 15 seconds per account: 90 leaves room for a person's own
# timer apps on the same account, and a 429 still waits out Retry-After.
PACE_REQUESTS, PACE_WINDOW_SECONDS = 90, 15.0


async def harvest_sync_ctx(app: web.Application) -> AsyncIterator[None]:
    """The worker that carries time entries to Harvest, each once."""
    services = app[SERVICES]
    client = services.harvest
    if client is None:
        yield
        return
    pace = {"pace_requests": PACE_REQUESTS, "pace_window_seconds": PACE_WINDOW_SECONDS}
    settings = app[SETTINGS].sync.model_copy(update=pace)
    sender = HarvestSender(
        client, services.time_entries, services.tickets, services.profile, _permalink(services)
    )
    async with running_worker(
        app,
        HARVEST_SYNC_WORKER,
        sender,
        settings,
        on_dead=on_dead(app, SYSTEM),
        on_sent=on_sent(app, SYSTEM),
    ):
        yield


def _permalink(services: AppServices):
    """Where Harvest's entry links to: the ticket in Zendesk's agent view once it was filed
    there; none while the bot's own database is the ticket's only home."""
    config = services.settings.zendesk

    def link(ticket: Ticket) -> str | None:
        zendesk_id = ticket.external_id or ""
        if services.zendesk is None or config is None or not zendesk_id.isdigit():
            return None
        return config.agent_url(int(zendesk_id))

    return link
