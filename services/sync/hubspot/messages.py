"""The HubSpot sender's customer messages: a queued message sent on the ticket's conversation.

The change (services.sync.tickets.message_change) carries the text, why it is sent and its key.
The sender reads the ticket's timeline first: a message whose note is there went out already.
It then finds the conversation (services.customer_messages.hubspot) and posts the reply, and
records the customer-visible note with HubSpot's message id the moment HubSpot answers, so the
close's "warning went out" exists only once it did. No conversation, or a refusal: Rejected,
and the routines' follow-up hands the owner the text.

A retry after a lost answer must not post twice. HubSpot's conversations API takes no
idempotency key, so on a retry the sender reads the thread's newest messages and takes an
outgoing one with exactly this text that no note on the timeline claims yet (by message id) as
this message: the same daily update text sent yesterday is claimed by yesterday's note.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from services.clients.hubspot import HubSpotClient, HubSpotError, HubSpotRateLimited
from services.customer_messages.hubspot import HubSpotConversations
from services.customer_messages.port import MessageFailed, Route
from services.sync.model import Outcome, RateLimited, Rejected, Sent, SyncChange, Transient
from services.tickets.customer_message import Purpose, message_went_out
from services.tickets.errors import TicketRuleError
from services.tickets.model import EventKind, Ticket, TicketEvent
from services.tickets.queued_message import sent_with_key
from services.tickets.repository import TicketRepository
from services.tickets.statuses import TicketStatus

log = logging.getLogger(__name__)


class MessageSender:
    """Sends queued customer messages as replies on HubSpot conversations."""

    def __init__(
        self,
        client: HubSpotClient,
        conversations: HubSpotConversations,
        tickets: TicketRepository,
        clock: Callable[[], datetime],
    ) -> None:
        self._client, self._conversations = client, conversations
        self._tickets, self._clock = tickets, clock

    async def send(self, change: SyncChange) -> Outcome:
        """Send one queued message (or find it sent), record it; the worker's outcome."""
        payload, number = change.payload, change.record_key
        ticket = await self._tickets.get(number)
        if ticket is None or ticket.id is None:
            return Rejected(f"{number} is not in the bot's database")
        events = await self._tickets.events(ticket.id)
        done = sent_with_key(events, str(payload.get("key")))
        if done is not None:  # recorded by an earlier try whose "sent" was not stored
            return Sent({change.id: str((done.after or {}).get("message_id") or "")})
        if ticket.status is TicketStatus.CLOSED:
            return Rejected(f"{number} was closed before the message went out")
        text, retried = str(payload.get("text") or ""), bool(change.attempts or change.last_error)
        try:
            route = await self._conversations.route(ticket)
            if not route.sends:
                return Rejected(route.why_not)
            found = await self._posted(route, text, events) if retried else None
            message_id = found or await self._conversations.send(ticket, text, route)
        except MessageFailed as failed:
            if isinstance(failed.__cause__, HubSpotRateLimited):
                return RateLimited(failed.__cause__.retry_after)
            return Transient(failed.reason) if failed.retry else Rejected(failed.reason)
        await self._record(ticket, change, text, message_id or "")
        return Sent({change.id: message_id or ""})

    async def _posted(self, route: Route, text: str, events: list[TicketEvent]) -> str | None:
        """An earlier try's reply on the thread that no note claims yet, if there is one."""
        claimed = {
            str((e.after or {}).get("message_id"))
            for e in events
            if e.kind is EventKind.NOTE and (e.after or {}).get("message_id")
        }
        try:
            newest = await self._client.conversations.messages(str(route.handle["thread_id"]))
        except HubSpotError as error:
            raise MessageFailed(str(error), retry=True) from error
        ours = (m for m in newest if m.direction == "OUTGOING" and m.text == text)
        return next((m.id for m in ours if m.id not in claimed), None)

    async def _record(self, ticket: Ticket, change: SyncChange, text: str, ref: str) -> None:
        """The customer-visible note of the message that went out (its id, its key)."""
        payload, at = change.payload, self._clock()
        actor = change.actor_id or "system"

        def command(current: Ticket):
            return message_went_out(
                current,
                actor,
                at,
                text,
                purpose=Purpose(payload.get("purpose")),
                via=str(payload.get("via") or ""),
                ref=ref,
                key=str(payload.get("key")),
            )

        try:
            await self._tickets.change(ticket.number, command)
        except TicketRuleError as refusal:  # it went out: the queue must not send it again
            log.warning("sent a message on %s but could not record it: %s", ticket.number, refusal)
