"""Zendesk's webhook events and the catch-up sync: each re-reads tickets, applies them to the
working copy (services.sync.zendesk_in) and tells Teams what is news."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.router import Feature
from dialogs.zendesk.notices import tell_synced
from services.clients.zendesk import ZendeskClient
from services.clients.zendesk.models import Ticket as ZendeskTicket
from services.clients.zendesk.webhook_events import TicketEvent
from services.profile import Profile
from services.scheduler import Every
from services.scheduler.runner import runner_id
from services.sync.inbox import CursorLease, SeenEvents
from services.sync.zendesk_catch_up import catch_up
from services.sync.zendesk_in import SYSTEM, ZendeskIn

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

feature = Feature("zendesk")


def _with_zendesk(profile: Profile) -> Every | None:
    return Every(1) if profile.system_of_record == "zendesk" else None


def _sync_in(services: AppServices) -> ZendeskIn | None:
    config = services.settings.zendesk
    if config is None or services.profile.system_of_record != "zendesk":
        return None
    client = ZendeskClient(config, services.http)
    return ZendeskIn(services.db, services.profile, client, lambda: services.clock())


@feature.webhook("zendesk")
async def ticket_event(services: AppServices, notifier: Notifier, event: TicketEvent) -> str:
    """Apply one event's ticket, once per event id, re-read from Zendesk."""
    sync = _sync_in(services)
    assert sync is not None  # bot/webhooks.py answers 404 without Zendesk
    seen = SeenEvents(services.db, SYSTEM)
    if not await seen.first_time(event.id, str(event.ticket_id), services.clock()):
        return "already applied"
    try:
        synced = await sync.pull(event.ticket_id)
    except Exception:
        await seen.forget(event.id)  # Zendesk's retry of this event must be applied
        raise
    if synced is None:
        return "nothing new"
    await tell_synced(services, notifier, synced)
    return "applied"


@feature.job("zendesk_catch_up", schedule=_with_zendesk)
async def catch_up_job(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Repair missed webhooks from the incremental export (one replica at a time)."""
    sync = _sync_in(services)
    if sync is None:
        return "Zendesk is not configured"

    async def apply(ticket: ZendeskTicket) -> bool:
        synced = await sync.apply(ticket)
        if synced is not None:
            await tell_synced(services, notifier, synced)
        return synced is not None

    lease = CursorLease(services.db, SYSTEM, services.profile.name, runner_id())
    return await catch_up(sync.client, lease, apply, now)
