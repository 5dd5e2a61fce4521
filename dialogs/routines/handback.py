"""A queued message to a customer that the system of record would not send, back in a person's
hands: the ticket's owner gets the text with *Sent it* (HubSpot has no conversation for the
ticket, or refused the reply). A message that went out needs nothing more: its sender recorded
it on the timeline the moment the system answered (services.sync.hubspot.messages).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from dialogs.routines.feature import feature
from dialogs.routines.notices import hand_over
from services.sync import SyncChange
from services.sync.hubspot import SYSTEM
from services.sync.tickets import CUSTOMER_MESSAGE
from services.tickets import TicketStatus
from services.tickets.customer_message import Purpose

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

log = logging.getLogger(__name__)


@feature.on_synced(SYSTEM, CUSTOMER_MESSAGE)
async def message_answered(
    services: AppServices, notifier: Notifier, change: SyncChange, refusal: str | None
) -> None:
    """Sent: nothing to do. Refused: the owner is handed the text, once per queued message."""
    if refusal is None:
        return
    ticket = await services.tickets.get(change.record_key)
    if ticket is None or ticket.status is TicketStatus.CLOSED:
        log.warning("%s is gone or closed; its refused message: %s", change.record_key, refusal)
        return
    purpose = Purpose(change.payload["purpose"])
    text = str(change.payload.get("text") or "")
    key = f"message-refused:{change.idempotency_key}"
    await hand_over(services, notifier, ticket, purpose, text, key, why_not=refusal)
