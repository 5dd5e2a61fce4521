"""Proactive messages: stored in the outbox, sent with the stored conversation reference.

Notifier.send stores a message and tries it at once when Teams' pace allows, so a notice from
a turn is fast; anything not sent then (paced, throttled, failed) stays in the outbox for the
outbox worker (bot/outbox_worker.py), which retries it with back-off (bot/outbox_sender.py).
A person without a usable conversation (the app is not installed for them, or they blocked
it) gets their messages held as "waiting" and delivered the next time they talk to the bot.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference, Entity, Mention
from msrest.exceptions import HttpOperationError

from services.db.conversations import StoredReference
from services.db.outbox import OutboxMessage, OutboxRepository, TargetKind
from services.db.types import utc_now
from services.delivery import parse_retry_after

if TYPE_CHECKING:
    from bot.outbox_sender import OutboxSender

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


class Notifier:
    """Queues and sends proactive messages to people and channels."""

    def __init__(self, sender: OutboxSender, outbox: OutboxRepository) -> None:
        self._sender, self._outbox = sender, outbox

    async def send(
        self,
        target_kind: TargetKind,
        target: str,
        activity: Activity,
        dedupe_key: str,
        thread_id: str | None = None,
    ) -> OutboxMessage:
        """Store the message once per dedupe key and try to deliver it now."""
        sender = self._sender
        message = OutboxMessage(dedupe_key, target_kind, target, activity.serialize(), thread_id)
        stored = await sender.reference(message)
        wait = sender.limiter.delay_for(stored.tenant_id or "", stored.key) if stored else 0.0
        if wait > 0:
            # Over the pace already: stored for later, due when it would be allowed.
            due = utc_now() + timedelta(seconds=wait)
            message, created = await self._outbox.add(message, not_before=due)
            if created:
                sender.doorbell.ring(due)
                return message
        else:
            message, created = await self._outbox.add(
                message, claimed_by=sender.runner, lease=sender.settings.lease_seconds
            )
            if created:
                return await self._attempt(message, stored)
        if message.status in ("sent", "dead"):
            return message
        return await self._try_now(message)

    async def _try_now(self, message: OutboxMessage) -> OutboxMessage:
        """Claim a stored message and try it, unless another sender holds it already."""
        sender = self._sender
        lease = sender.settings.lease_seconds
        claimed = await self._outbox.claim(message.id, sender.runner, utc_now(), lease)
        return await self._attempt(claimed) if claimed else await self._outbox.get(message.id)

    async def _attempt(
        self, claimed: OutboxMessage, stored: StoredReference | None = None
    ) -> OutboxMessage:
        """One attempt without waiting for the pace; the worker takes over what is left."""
        await self._sender.attempt(claimed, max_wait=0.0, stored=stored)
        return await self._outbox.get(claimed.id)

    async def update(self, message: OutboxMessage, activity: Activity) -> bool:
        """Replace what a delivered message shows (a card whose ticket moved on); True if done."""
        stored = await self._sender.reference(message) if message.activity_id else None
        if stored is None:
            return False
        reference = addressed(stored, message)
        activity.id = message.activity_id
        failed: list[HttpOperationError] = []

        async def callback(context: TurnContext) -> None:
            try:  # caught here: the adapter would hand the error to on_turn_error and swallow it
                await context.update_activity(activity)
            except HttpOperationError as error:
                failed.append(error)

        # Counted against Teams' pace (it counts updates too), but not held back by it.
        sender, tenant = self._sender, stored.tenant_id or ""
        sender.limiter.reserve(tenant, stored.key)
        try:
            await sender.adapter.continue_conversation(reference, callback, sender.app_id)
        finally:
            sender.limiter.settle(tenant, stored.key)
        if failed:
            log.warning("could not update %s: %s", message.dedupe_key, failed[0])
        return not failed

    async def release(self, person_id: str | None, reference_key: str) -> int:
        """Deliver what was held for this person or conversation; returns how many were sent."""
        waiting = await self._sender.waiting_targets()
        targets = [("conversation", reference_key)]
        if person_id:
            targets.append(("person", person_id))
        delivered = 0
        for target in targets:
            if target not in waiting:
                continue
            waiting.discard(target)
            for message in await self._outbox.waiting_for(*target):
                if (await self._try_now(message)).status == "sent":
                    delivered += 1
        return delivered

    async def teams_account(self, person_id: str) -> dict[str, str] | None:
        """The person's Teams account ({id, name}) from their stored chat, for @mentions."""
        stored = await self._sender.references.for_person(person_id)
        return (stored.reference.get("user") or None) if stored else None
