"""HubSpot as the way to a customer: a reply in the ticket's conversation thread, where it has one.

HubSpot logs a ticket from every e-mail to support and links it to the e-mail's thread; the
conversations API can answer on that thread (same channel and channel account, to the address
the customer last wrote from) but cannot start one. A ticket without a usable thread (filed in
Teams, archived or spam thread) is routed to a person, with the reason.
"""

from __future__ import annotations

from services.clients.hubspot import (
    HubSpotClient,
    HubSpotError,
    HubSpotRateLimited,
    HubSpotRefused,
    HubSpotUnavailable,
)
from services.clients.hubspot.conversations import DeliveryIdentifier, Message, Thread
from services.customer_messages.port import MessageFailed, Route
from services.tickets.model import Ticket

VIA = "the HubSpot conversation"
EMAIL = "HS_EMAIL_ADDRESS"


class HubSpotConversations:
    """Messages go out as the agent `sender_actor_id` on the ticket's newest usable thread."""

    def __init__(self, client: HubSpotClient, sender_actor_id: str) -> None:
        self._client = client
        self._sender = sender_actor_id

    async def route(self, ticket: Ticket) -> Route:
        """The thread to answer on, its channel and the customer's address; else why none."""
        if not (ticket.external_id or "").isdigit():
            return Route(None, f"{ticket.number} is not in HubSpot yet")
        try:
            threads = await self._client.conversations.threads_of_ticket(ticket.external_id or "")
            usable = [t for t in threads if not t.archived and not t.spam]
            if not usable:
                return Route(None, _NO_THREAD)
            # The newest conversation: HubSpot's ids grow with time.
            thread = max(usable, key=lambda t: int(t.id) if t.id.isdigit() else 0)
            messages = await self._client.conversations.messages(thread.id)
        except HubSpotError as error:
            raise _failed(error) from error
        return _route(ticket, thread, messages)

    async def send(self, ticket: Ticket, text: str, route: Route) -> str | None:
        """Post the reply; HubSpot's message id. MessageFailed when it refuses or fails it."""
        handle = route.handle
        customer = DeliveryIdentifier(type=handle["address_type"], value=handle["address"])
        try:
            sent = await self._client.conversations.reply(
                handle["thread_id"],
                text=text,
                sender_actor_id=self._sender,
                channel_id=handle["channel_id"],
                channel_account_id=handle["channel_account_id"],
                recipients=[customer],
                subject=handle.get("subject"),
            )
        except HubSpotError as error:
            raise _failed(error) from error
        if sent.failed:
            raise MessageFailed(f"HubSpot did not deliver it: {sent.failed}", retry=False)
        return sent.id


_NO_THREAD = (
    "HubSpot can only answer in a conversation the customer started, and this ticket has "
    "none (it was not logged from an e-mail or a chat)"
)


def _route(ticket: Ticket, thread: Thread, messages: list[Message]) -> Route:
    """The reply's channel and recipient: the customer's last message on the thread, else the
    thread's own channel and the ticket's contact address."""
    incoming = next(
        (m for m in messages if m.type == "MESSAGE" and m.direction == "INCOMING"), None
    )
    senders = incoming.senders if incoming else []
    sender = next((p.delivery_identifier for p in senders if p.delivery_identifier), None)
    if sender is None and ticket.contact_email:
        sender = DeliveryIdentifier(type=EMAIL, value=ticket.contact_email)
    channel = (incoming.channel_id if incoming else None) or thread.channel_id
    account = (incoming.channel_account_id if incoming else None) or thread.channel_account_id
    if sender is None or not channel or not account:
        return Route(None, "HubSpot's conversation for this ticket names nobody to answer")
    subject = incoming.subject if incoming else None
    if subject and not subject.lower().startswith("re:"):
        subject = f"Re: {subject}"
    handle = {
        "thread_id": thread.id,
        "channel_id": channel,
        "channel_account_id": account,
        "address_type": sender.type,
        "address": sender.value,
        "subject": subject,
    }
    return Route(VIA, handle=handle)


def _failed(error: HubSpotError) -> MessageFailed:
    """A HubSpot failure as the routines act on it: try again later, or hand it to a person."""
    if isinstance(error, HubSpotRateLimited | HubSpotUnavailable):
        return MessageFailed(str(error), retry=True)
    if isinstance(error, HubSpotRefused):
        return MessageFailed(
            f"{error} (writing to customers needs the conversations.read and "
            "conversations.write scopes)",
            retry=False,
        )
    return MessageFailed(str(error), retry=False)
