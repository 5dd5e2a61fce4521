"""Reading the Bot Connector's answers and rebuilding stored activities for proactive sends.

bot/notifier.py queues and delivers notices; bot/outbox_sender.py sends them; both use these.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from botbuilder.schema import Activity, ConversationReference, Entity, Mention
from msrest.exceptions import HttpOperationError

from services.db.conversations import StoredReference
from services.db.outbox import OutboxMessage
from services.delivery import parse_retry_after

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


def http_status(error: HttpOperationError) -> int | None:
    """The HTTP status of a failed connector call (requests or aiohttp transport)."""
    response = error.response
    return getattr(response, "status_code", None) or getattr(response, "status", None)


def retry_after(error: HttpOperationError, now: datetime) -> float | None:
    """The seconds a failed connector call's Retry-After header asks for, if it has one."""
    headers = getattr(error.response, "headers", None)
    return parse_retry_after(headers.get("Retry-After") if headers else None, now)


def stored_activity(payload: dict[str, Any]) -> Activity:
    """The activity an outbox payload was serialized from, @mentions included.

    Activity.deserialize reads entities as bare Entity objects, which keep only their type:
    a mention would reach Teams without whom it mentions.
    """
    activity = Activity().deserialize(payload)
    entities = payload.get("entities") or []
    if entities:
        activity.entities = [
            (Mention if e.get("type") == "mention" else Entity)().deserialize(e) for e in entities
        ]
    return activity


def addressed(stored: StoredReference, message: OutboxMessage) -> ConversationReference:
    """The stored conversation, narrowed to the channel thread the message belongs in."""
    reference = ConversationReference().deserialize(stored.reference)
    if message.thread_id:
        reference.conversation.id = f"{reference.conversation.id};messageid={message.thread_id}"
    return reference
