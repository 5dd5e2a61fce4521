"""One way to tell people: queue a notice in the outbox, deliver it, update it later.

A turn queues (`Turn.tell`) and delivery happens after its answer; a scheduled job tells at
once. Either way the notice is stored first, once per key, so nothing is lost or doubled; a
person without a usable chat has it held and gets it when they next open the app: one held
notice as it stands then (a card with a refresh is rendered again by its refresh verb), several
tickets' SLA and triage cards as one summary of what still applies (bot.held).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import Activity
from msrest.exceptions import HttpOperationError

from bot.held_release import Current, HeldRelease
from bot.proactive import addressed
from services.db.outbox import OutboxMessage
from services.db.types import utc_now
from services.delivery import Delivery, Recipient

if TYPE_CHECKING:
    from bot.outbox_sender import OutboxSender
    from services.app_services import AppServices
    from services.db.outbox import OutboxRepository

log = logging.getLogger(__name__)
_BY_STATUS = {"sent": Delivery.SENT, "pending": Delivery.RETRYING, "dead": Delivery.DEAD}


@dataclass(frozen=True)
class Notice:
    """A stored notice and where it stands."""

    message: OutboxMessage
    delivery: Delivery


class Notifier:
    """Queues, delivers and updates proactive messages to people and channels."""

    def __init__(
        self, sender: OutboxSender, outbox: OutboxRepository, services: AppServices | None = None
    ) -> None:
        self._sender, self._outbox = sender, outbox
        self._services = services  # to see held notices' tickets as they are now

    async def queue(
        self, to: Recipient, activity: Activity, key: str, thread_id: str | None = None
    ) -> Notice:
        """Store the notice (once per key) claimed for delivery right after the turn."""
        sender = self._sender
        message = OutboxMessage(key, to.kind, to.target, activity.serialize(), thread_id)
        stored = await sender.reference(message)
        lease = sender.settings.lease_seconds
        message, created = await self._outbox.add(message, claimed_by=sender.runner, lease=lease)
        if not created:
            # A repeat of a notice stored earlier: one still pending is tried again now.
            if message.status == "pending":
                return Notice(message, Delivery.QUEUED)
            return Notice(message, await self._standing(message))
        if stored is None:
            await sender.attempt(message, max_wait=0.0)  # finds no chat: holds it, counted
            return Notice(message, await self._held(message))
        return Notice(message, Delivery.QUEUED)

    async def deliver(self, notice: Notice) -> Delivery:
        """Try a queued notice now; the outbox worker retries what this attempt leaves."""
        if notice.delivery is not Delivery.QUEUED:
            return notice.delivery
        sender = self._sender
        message = notice.message
        if message.claimed_by != sender.runner:
            claimed = await self._outbox.claim(
                message.id, sender.runner, utc_now(), sender.settings.lease_seconds
            )
            if claimed is None:  # another sender has it
                return Delivery.RETRYING
            message = claimed
        wait = await self._pace_wait(message)
        if wait > 0:
            due = utc_now() + timedelta(seconds=wait)
            await self._outbox.release([message.id], sender.runner, due)
            sender.doorbell.ring(due)
            return Delivery.RETRYING
        await sender.attempt(message, max_wait=0.0)
        return await self._standing(await self._outbox.get(message.id) or message)

    async def tell(
        self, to: Recipient, activity: Activity, key: str, thread_id: str | None = None
    ) -> Delivery:
        """Queue and deliver at once (scheduled jobs: nobody waits for an answer)."""
        return await self.deliver(await self.queue(to, activity, key, thread_id))

    async def _pace_wait(self, message: OutboxMessage) -> float:
        stored = await self._sender.reference(message)
        if stored is None:
            return 0.0
        return self._sender.limiter.delay_for(stored.tenant_id or "", stored.key)

    async def _standing(self, message: OutboxMessage) -> Delivery:
        if message.status == "waiting":
            return await self._held(message)
        return _BY_STATUS.get(message.status, Delivery.RETRYING)

    async def _held(self, message: OutboxMessage) -> Delivery:
        references = self._sender.references
        if message.target_kind == "person":
            known = await references.for_person(message.target)
        else:
            known = await references.get(message.target)
        return Delivery.HELD_NO_APP if known is None else Delivery.HELD_BLOCKED

    async def posted(self, key: str) -> str | None:
        """The Teams activity id of the notice stored under `key`, once it was delivered."""
        message = await self._outbox.find(key)
        return message.activity_id if message is not None and message.status == "sent" else None

    async def keep(self, key: str, conversation: str, activity: Activity, activity_id: str) -> None:
        """Keep a card a turn answered with (message `activity_id` in the stored `conversation`)
        under `key`, as if delivered, so `update` reaches it later; the first kept wins."""
        message = OutboxMessage(key, "conversation", conversation, activity.serialize())
        await self._outbox.add(message, delivered_as=activity_id)

    async def update(self, key: str, activity: Activity) -> bool:
        """Replace what a delivered notice shows (its ticket moved on); True if it was done."""
        message = await self._outbox.find(key)
        if message is None or message.status != "sent" or not message.activity_id:
            return False
        stored = await self._sender.reference(message)
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
            log.warning("could not update %s: %s", key, failed[0])
        return not failed

    async def release(
        self, person_id: str | None, reference_key: str, current: Current | None = None
    ) -> int:
        """Deliver what was held for this person or conversation; returns how many were sent.

        `current` renders a held card again as it stands now (bot.held_release).
        """
        release = HeldRelease(self, self._sender, self._outbox, self._services)
        return await release.release(person_id, reference_key, current)

    async def deliver_stored(self, message: OutboxMessage) -> Delivery:
        """Deliver a message already in the outbox (a held one being released)."""
        return await self.deliver(Notice(message, Delivery.QUEUED))

    async def follow_up(self, activity: Activity, text: str) -> None:
        """Say something in the conversation an earlier turn came from (after its answer)."""

        async def say(context: TurnContext) -> None:
            await context.send_activity(MessageFactory.text(text))

        await self._continue(activity, say)

    async def replace(self, activity: Activity, activity_id: str, card: Activity) -> None:
        """Put `card` in place of a message in the conversation a turn came from."""
        card.id = activity_id

        async def update(context: TurnContext) -> None:
            await context.update_activity(card)

        await self._continue(activity, update)

    async def _continue(self, activity: Activity, callback) -> None:
        reference = TurnContext.get_conversation_reference(activity)
        await self._sender.adapter.continue_conversation(reference, callback, self._sender.app_id)

    async def teams_account(self, person_id: str) -> dict[str, str] | None:
        """The person's Teams account ({id, name}) from their stored chat, for @mentions."""
        stored = await self._sender.references.for_person(person_id)
        return (stored.reference.get("user") or None) if stored else None
