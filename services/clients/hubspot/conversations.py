"""HubSpot's conversations inbox API (v3, in beta): a ticket's threads, their messages, a reply.

What it allows, from HubSpot's API reference and guide (developers.hubspot.com, conversations
inbox & messages, read 2026): a message can be sent on an *existing* thread only, on a channel
already connected to the inbox (email, chat, Facebook Messenger, WhatsApp, ...); the API cannot
start a new thread or add a channel. So a ticket logged from a customer's e-mail can be answered
in its thread, and a ticket filed elsewhere (by hand, from a form without a thread, by the API)
cannot. A sent message names its channel and channel account, an agent to send as ("A-" and a
HubSpot user id) and its recipients by delivery identifier (HS_EMAIL_ADDRESS for e-mail).
GET needs the conversations.read scope, POST conversations.write. CRM e-mail engagements only
*log* an e-mail on a record: they send nothing, so they are never used to write to a customer.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from services.clients.hubspot.api import HubSpotApi
from services.clients.hubspot.models import _Answer

BASE = "/conversations/v3/conversations"
_ACTOR = re.compile(r"^A-[0-9]{1,20}$")  # an agent actor: "A-" and the HubSpot user id
_ID = re.compile(r"^[0-9]{1,20}$")
MESSAGE_PAGE = 50  # the newest messages read to find the customer's last one


class DeliveryIdentifier(_Answer):
    """Where a message comes from or goes: an e-mail address, a phone number, a channel's id."""

    type: str
    value: str


class Party(_Answer):
    """A sender or recipient of a message."""

    actor_id: str | None = Field(default=None, alias="actorId")
    name: str | None = None
    delivery_identifier: DeliveryIdentifier | None = Field(default=None, alias="deliveryIdentifier")


class Thread(_Answer):
    """A conversation thread: where it started, whether it is open, archived or spam."""

    id: str
    status: str = "OPEN"
    archived: bool = False
    spam: bool = False
    inbox_id: str | None = Field(default=None, alias="inboxId")
    channel_id: str | None = Field(default=None, alias="originalChannelId")
    channel_account_id: str | None = Field(default=None, alias="originalChannelAccountId")


class Message(_Answer):
    """A message on a thread (comments, assignments and status changes have other types)."""

    id: str
    type: str
    direction: str | None = None
    subject: str | None = None
    channel_id: str | None = Field(default=None, alias="channelId")
    channel_account_id: str | None = Field(default=None, alias="channelAccountId")
    senders: list[Party] = Field(default_factory=list)
    status: dict[str, Any] | None = None
    text: str | None = None
    created_by: str | None = Field(default=None, alias="createdBy")

    @property
    def failed(self) -> str | None:
        """HubSpot's reason when it says the message failed to go out; None otherwise."""
        if (self.status or {}).get("statusType") != "FAILED":
            return None
        details = (self.status or {}).get("failureDetails") or {}
        return str(details.get("errorMessage") or "HubSpot could not deliver the message")


class Conversations:
    """Threads and messages of the account's conversations inbox."""

    def __init__(self, api: HubSpotApi) -> None:
        self._api = api

    async def threads_of_ticket(self, ticket_id: str) -> list[Thread]:
        """The threads HubSpot links to a ticket (GET threads?associatedTicketId=...)."""
        params = {"associatedTicketId": _id(ticket_id), "association": "TICKET"}
        answer = await self._api.call("GET", f"{BASE}/threads", params=params)
        return [Thread.model_validate(t) for t in answer.get("results", [])]

    async def messages(self, thread_id: str) -> list[Message]:
        """The thread's newest messages, newest first (HubSpot's default order)."""
        path = f"{BASE}/threads/{_id(thread_id)}/messages"
        answer = await self._api.call("GET", path, params={"limit": MESSAGE_PAGE})
        return [Message.model_validate(m) for m in answer.get("results", [])]

    async def reply(
        self,
        thread_id: str,
        *,
        text: str,
        sender_actor_id: str,
        channel_id: str,
        channel_account_id: str,
        recipients: list[DeliveryIdentifier],
        subject: str | None = None,
    ) -> Message:
        """Send `text` on the thread as the agent, on the thread's channel, to `recipients`."""
        if not _ACTOR.match(sender_actor_id):
            raise ValueError(f"not an agent actor id: {sender_actor_id!r}")
        body: dict[str, Any] = {
            "type": "MESSAGE",
            "text": text,
            "senderActorId": sender_actor_id,
            "channelId": channel_id,
            "channelAccountId": channel_account_id,
            "recipients": [
                {"deliveryIdentifiers": [r.model_dump(by_alias=True)]} for r in recipients
            ],
            "attachments": [],
        }
        if subject:
            body["subject"] = subject
        path = f"{BASE}/threads/{_id(thread_id)}/messages"
        return Message.model_validate(await self._api.call("POST", path, body=body))


def is_agent_actor(value: str) -> bool:
    """Whether `value` names an agent HubSpot can send as ("A-12345")."""
    return bool(_ACTOR.match(value))


def _id(value: str) -> str:
    # Thread and ticket ids are numeric; anything else would change the path.
    text = str(value).strip()
    if not _ID.match(text):
        raise ValueError(f"not a HubSpot id: {value!r}")
    return text
