"""Process 6's project in NetSuite, after the answer: its number on every card, or the approver
told that NetSuite refused it.

The approval queued the project (services.sync.projects) and every card said it was being
created; the NetSuite sync worker makes it, stores its number on the request and hands the
outcome here (bot/sync_follow_ups.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from botbuilder.core import MessageFactory

from dialogs.service.feature import feature
from dialogs.service.posts import show_request
from services.delivery import Recipient
from services.sync import SyncChange
from services.sync.netsuite import SYSTEM as NETSUITE
from services.sync.projects import CREATE_PROJECT
from services.tickets.rules import name_of

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


@feature.on_synced(NETSUITE, CREATE_PROJECT)
async def project_made(
    services: AppServices, notifier: Notifier, change: SyncChange, refusal: str | None
) -> None:
    """Show the project's number on the request's cards; or say NetSuite refused it, there and
    to whoever approved the request (the requester, for billable work)."""
    request = await services.service_requests.get(change.record_key)
    if request is None:
        return
    if refusal is None:
        await show_request(services, notifier, request)  # the number is among the facts
        return
    requester = name_of(services.profile, request.requester_id)
    said = f"NetSuite refused to create the project of {request.number}: {refusal}"
    await show_request(services, notifier, request, [said], project="not created in NetSuite")
    if change.actor_id:
        text = (
            f"{said}. Nothing was created there: create the project in NetSuite by hand and "
            f"tell {requester} its number, or have the NetSuite setup fixed."
        )
        key = f"sync-dead:{change.idempotency_key}"
        await notifier.tell(Recipient.person(change.actor_id), MessageFactory.text(text), key)
