"""Held notices released when their person opens the app (or the bot can post in a channel
again): one notice as it stands then, several tickets' SLA and triage cards as one summary of
what still applies (bot.held)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot.held import about_a_ticket, held_line
from bot.turn import card_message
from cards.held import held_summary_card
from services.delivery import Delivery, Recipient

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from bot.outbox_sender import OutboxSender
    from services.app_services import AppServices
    from services.db.outbox import OutboxMessage, OutboxRepository

log = logging.getLogger(__name__)
_CARD = "application/vnd.microsoft.card.adaptive"
# A held card's current version, got by running its refresh verb as the person it reaches.
Current = Callable[[dict[str, Any]], Awaitable[dict[str, Any] | None]]


class HeldRelease:
    """One release of what waited for a person or a conversation."""

    def __init__(
        self,
        notifier: Notifier,
        sender: OutboxSender,
        outbox: OutboxRepository,
        services: AppServices | None,
    ) -> None:
        self._notifier, self._sender, self._outbox = notifier, sender, outbox
        self._services = services  # to see held notices' tickets as they are now

    async def release(
        self, person_id: str | None, reference_key: str, current: Current | None = None
    ) -> int:
        """Deliver what was held for this person or conversation; returns how many were sent.

        `current` renders a held card again as it stands now (see `_as_it_stands`).
        """
        waiting = await self._sender.waiting_targets()
        targets = [("conversation", reference_key)]
        if person_id:
            targets.append(("person", person_id))
        delivered = 0
        for target in targets:
            if target not in waiting:
                continue
            waiting.discard(target)
            held = await self._outbox.waiting_for(*target)
            tickets = [message for message in held if about_a_ticket(message)]
            if len(tickets) > 1:
                delivered += await self._summarise(Recipient(*target), tickets)
                held = [message for message in held if not about_a_ticket(message)]
            # Anything else (a draft to publish, a question) keeps its own card and buttons.
            for message in held:
                delivered += await self._deliver_held(message, current)
        return delivered

    async def _deliver_held(self, message: OutboxMessage, current: Current | None) -> int:
        """One held notice as it stands now, unless it no longer applies."""
        if await held_line(self._services, message) is None:
            await self._outbox.mark_sent(message.id, None)  # nothing to send: done with
            return 0
        if current is not None:
            message = await self._as_it_stands(message, current)
        return int(await self._notifier.deliver_stored(message) is Delivery.SENT)

    async def _as_it_stands(self, message: OutboxMessage, current: Current) -> OutboxMessage:
        """The held message with its card rendered again, if the card says how (its refresh):
        a triage card queued before the ticket was assigned arrives showing the assignee."""
        attachments = message.payload.get("attachments") or []
        card = attachments[0].get("content") if attachments else None
        if not isinstance(card, dict) or not card.get("refresh"):
            return message
        try:
            fresh = await current(card)
        except Exception:  # the person still gets the card as it was queued, not nothing
            log.exception("could not render held message %s as it stands", message.id)
            return message
        if fresh is None or fresh == card:
            return message
        payload = {**message.payload, "attachments": [{"contentType": _CARD, "content": fresh}]}
        await self._outbox.set_payload(message.id, payload)
        return replace(message, payload=payload)

    async def _summarise(self, to: Recipient, held: list[OutboxMessage]) -> int:
        """Several held ticket notices as one card of those that still apply, each as it is now.

        The summary's key is made of the held messages' ids, so a replica releasing the same
        ones at once, or a retry after a crash, stores the same summary and it is sent once.
        """
        lines = [await held_line(self._services, message) for message in held]
        still = [line for line in lines if line is not None]
        sent = Delivery.SENT
        if still:
            card = held_summary_card(still, dropped=len(lines) - len(still))
            activity = card_message(card, f"While you were away: {len(still)} notices")
            key = f"held:{to.kind}:{to.target}:{held[0].id}-{held[-1].id}"
            sent = await self._notifier.tell(to, activity, key)
        if sent is not Delivery.SENT:
            return 0  # still held (or retrying): the notices stay waiting and come again
        for message in held:
            # Delivered within the summary: no activity of their own, so no later update.
            await self._outbox.mark_sent(message.id, None)
        return len(still)
