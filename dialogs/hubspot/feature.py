"""HubSpot's ticket webhooks and the catch-up sync: each re-reads tickets, applies them to the
working copy (services.sync.hubspot_in) and tells Teams what is news."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.router import Feature
from dialogs.sync.notices import tell_synced
from services.clients.hubspot import CrmObject
from services.clients.hubspot.webhook_events import TicketEvent
from services.profile import Profile
from services.scheduler import Every
from services.scheduler.runner import runner_id
from services.sync.hubspot import SYSTEM
from services.sync.hubspot.translate import section
from services.sync.hubspot_catch_up import catch_up
from services.sync.hubspot_in import HubSpotIn
from services.sync.hubspot_merge import HUBSPOT_ACTOR
from services.sync.inbox import CursorLease, SeenEvents

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

feature = Feature("hubspot")
KEEP_EVENTS = timedelta(days=7)  # HubSpot retries an event for about a day: a week is plenty
CATCH_UP_MINUTES = 5  # how soon a missed webhook's change shows in Teams at the latest


def _with_hubspot(profile: Profile) -> Every | None:
    return Every(CATCH_UP_MINUTES) if profile.system_of_record == "hubspot" else None


def _sync_in(services: AppServices) -> HubSpotIn | None:
    client = services.hubspot
    if client is None or services.profile.system_of_record != "hubspot":
        return None
    return HubSpotIn(services.db, services.profile, client, lambda: services.clock())


@feature.webhook("hubspot")
async def ticket_events(
    services: AppServices, notifier: Notifier, events: Sequence[TicketEvent]
) -> str:
    """Apply the tickets a batch of events names, each event once, re-read from HubSpot."""
    sync = _sync_in(services)
    assert sync is not None  # bot/hubspot_webhook.py answers 404 without HubSpot
    seen = SeenEvents(services.db, SYSTEM)
    fresh: dict[str, list[TicketEvent]] = {}
    for event in events:
        if await seen.first_time(event.key, event.ticket_id, services.clock()):
            fresh.setdefault(event.ticket_id, []).append(event)
    if not fresh:
        return "already applied"
    applied = 0
    pending = list(fresh)
    for ticket_id in list(pending):
        parties = any(e.kind == "associationChange" for e in fresh[ticket_id])
        try:
            synced = await sync.pull(ticket_id, parties=parties)
        except Exception:
            # HubSpot sends the batch again: what was not applied yet must be applied then.
            for undone in pending:
                for event in fresh[undone]:
                    await seen.forget(event.key)
            raise
        pending.remove(ticket_id)
        if synced is not None:
            await tell_synced(services, notifier, synced, HUBSPOT_ACTOR)
            applied += 1
    return "applied" if applied else "nothing new"


@feature.job("hubspot_catch_up", schedule=_with_hubspot)
async def catch_up_job(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Repair missed webhooks by searching the pipeline (one replica at a time)."""
    sync = _sync_in(services)
    if sync is None:
        return "HubSpot is not configured"

    async def apply(ticket: CrmObject) -> bool:
        synced = await sync.apply(ticket)
        if synced is not None:
            await tell_synced(services, notifier, synced, HUBSPOT_ACTOR)
        return synced is not None

    lease = CursorLease(services.db, SYSTEM, services.profile.name, runner_id())
    pipeline = section(services.profile).pipeline
    done = await catch_up(sync.client, lease, apply, now, pipeline, sync.properties())
    pruned = await SeenEvents(services.db, SYSTEM).prune(now - KEEP_EVENTS)
    return f"{done}; {pruned} old event ids forgotten" if pruned else done
