"""Zendesk's webhook events and the catch-up sync: each re-reads tickets, applies them to the
working copy (services.sync.zendesk_in) and tells Teams what is news. The Help Center mirror
copies Zendesk Guide's published articles into the local knowledge base."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.router import Feature
from dialogs.sync.notices import tell_synced
from services.clients.zendesk import ZendeskClient
from services.clients.zendesk.models import Ticket as ZendeskTicket
from services.clients.zendesk.webhook_events import TicketEvent
from services.knowledge.remote import RemoteCopies
from services.profile import Profile
from services.scheduler import Every
from services.scheduler.runner import runner_id
from services.sync.inbox import CursorLease, SeenEvents
from services.sync.zendesk_catch_up import catch_up
from services.sync.zendesk_in import SYSTEM, ZendeskIn
from services.sync.zendesk_kb_mirror import SYSTEM as MIRROR
from services.sync.zendesk_kb_mirror import mirror
from services.sync.zendesk_merge import ZENDESK_ACTOR

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

feature = Feature("zendesk")
KEEP_EVENTS = timedelta(days=7)  # webhook event ids remembered this long, then pruned
MIRROR_MINUTES = 5  # how soon an article written in Zendesk Guide is found by `kb`


def _with_zendesk(profile: Profile) -> Every | None:
    return Every(1) if profile.system_of_record == "zendesk" else None


def _with_help_center(profile: Profile) -> Every | None:
    zendesk = profile.zendesk
    on = zendesk is not None and zendesk.help_center is not None
    return Every(MIRROR_MINUTES) if on and profile.system_of_record == "zendesk" else None


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
    await tell_synced(services, notifier, synced, ZENDESK_ACTOR)
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
            await tell_synced(services, notifier, synced, ZENDESK_ACTOR)
        return synced is not None

    lease = CursorLease(services.db, SYSTEM, services.profile.name, runner_id())
    done = await catch_up(sync.client, lease, apply, now)
    # Zendesk retries a webhook for hours at most: a week's memory of event ids is plenty.
    pruned = await SeenEvents(services.db, SYSTEM).prune(now - KEEP_EVENTS)
    return f"{done}; {pruned} old event ids forgotten" if pruned else done


@feature.job("zendesk_kb_mirror", schedule=_with_help_center)
async def mirror_job(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Copy the Help Center's published articles into the local knowledge base."""
    config, zendesk = services.settings.zendesk, services.profile.zendesk
    if config is None or zendesk is None or zendesk.help_center is None:
        return "Zendesk Guide is not configured"
    client = ZendeskClient(config, services.http)
    copies = RemoteCopies(services.db, services.profile)
    lease = CursorLease(services.db, MIRROR, services.profile.name, runner_id())
    return await mirror(client, zendesk.help_center.locale, copies, lease, now)
