"""Proactive messages: stored in the outbox, sent with the stored conversation reference.

A person without a usable conversation (the app is not installed for them, or they blocked
it) gets their messages held as "waiting" and delivered the next time they talk to the bot.
"""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ConversationReference, Entity, Mention
from msrest.exceptions import HttpOperationError

from bot.references import ReferenceBook
from services.db.conversations import ConversationRefRepository, StoredReference
from services.db.outbox import OutboxMessage, OutboxRepository, TargetKind

log = logging.getLogger(__name__)
BLOCKED = (403, 404)  # the user blocked or removed the app, or the conversation is gone


def http_status(error: HttpOperationError) -> int | None:
    """The HTTP status of a failed connector call (requests or aiohttp transport)."""
    response = error.response
    return getattr(response, "status_code", None) or getattr(response, "status", None)


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

    def __init__(
        self,
        adapter: CloudAdapter,
        app_id: str,
        references: ConversationRefRepository,
        book: ReferenceBook,
        outbox: OutboxRepository,
    ) -> None:
        self._adapter, self._app_id = adapter, app_id
        self._references, self._book, self._outbox = references, book, outbox
        self._waiting: set[tuple[str, str]] | None = None  # loaded on first use

    async def send(
        self,
        target_kind: TargetKind,
        target: str,
        activity: Activity,
        dedupe_key: str,
        thread_id: str | None = None,
    ) -> OutboxMessage:
        """Store the message once per dedupe key and try to deliver it now."""
        message, created = await self._outbox.add(
            OutboxMessage(dedupe_key, target_kind, target, activity.serialize(), thread_id)
        )
        if not created and message.status in ("sent", "dead"):
            return message
        return await self._deliver(message)

    async def _reference(self, message: OutboxMessage) -> StoredReference | None:
        if message.target_kind == "person":
            stored = await self._references.for_person(message.target)
        else:
            stored = await self._references.get(message.target)
        return stored if stored is not None and stored.usable else None

    async def _deliver(self, message: OutboxMessage) -> OutboxMessage:
        stored = await self._reference(message)
        if stored is None:
            await self._hold(message, "no usable conversation: the app is not installed there")
            return await self._outbox.get(message.id)
        reference = addressed(stored, message)
        sent: list[Any] = []
        failed: list[HttpOperationError] = []

        async def callback(context: TurnContext) -> None:
            # Caught here: the adapter would hand an escaping error to on_turn_error and
            # swallow it, and the outbox would never learn the send failed.
            try:
                sent.append(await context.send_activity(stored_activity(message.payload)))
            except HttpOperationError as error:
                failed.append(error)

        await self._adapter.continue_conversation(reference, callback, self._app_id)
        if failed:
            error = failed[0]
            status = http_status(error)
            if status in BLOCKED:
                await self._book.mark_unusable(stored.key, f"{status} from the connector")
                await self._hold(message, f"{status}: the app is blocked or removed there")
            else:
                await self._outbox.mark_failed(message.id, f"{status}: {error}")
            return await self._outbox.get(message.id)
        await self._outbox.mark_sent(message.id, sent[0].id if sent and sent[0] else None)
        return await self._outbox.get(message.id)

    async def update(self, message: OutboxMessage, activity: Activity) -> bool:
        """Replace what a delivered message shows (a card whose ticket moved on); True if done."""
        stored = await self._reference(message) if message.activity_id else None
        if stored is None:
            return False
        reference = addressed(stored, message)
        activity.id = message.activity_id
        failed: list[HttpOperationError] = []

        async def callback(context: TurnContext) -> None:
            try:  # caught here for the same reason as in _deliver
                await context.update_activity(activity)
            except HttpOperationError as error:
                failed.append(error)

        await self._adapter.continue_conversation(reference, callback, self._app_id)
        if failed:
            log.warning("could not update %s: %s", message.dedupe_key, failed[0])
        return not failed

    async def _hold(self, message: OutboxMessage, reason: str) -> None:
        await self._outbox.mark_waiting(message.id, reason)
        (await self._waiting_targets()).add((message.target_kind, message.target))

    async def _waiting_targets(self) -> set[tuple[str, str]]:
        if self._waiting is None:
            self._waiting = await self._outbox.waiting_targets()
        return self._waiting

    async def release(self, person_id: str | None, reference_key: str) -> int:
        """Deliver what was held for this person or conversation; returns how many were sent."""
        waiting = await self._waiting_targets()
        targets = [("conversation", reference_key)]
        if person_id:
            targets.append(("person", person_id))
        delivered = 0
        for target in targets:
            if target not in waiting:
                continue
            waiting.discard(target)
            for message in await self._outbox.waiting_for(*target):
                if (await self._deliver(message)).status == "sent":
                    delivered += 1
        return delivered

    async def teams_account(self, person_id: str) -> dict[str, str] | None:
        """The person's Teams account ({id, name}) from their stored chat, for @mentions."""
        stored = await self._references.for_person(person_id)
        return (stored.reference.get("user") or None) if stored else None
