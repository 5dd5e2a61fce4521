"""The fake HubSpot's conversations inbox (v3): threads linked to tickets, their messages, replies.

Written from HubSpot's conversations API reference and its inbox & messages guide (read 2026),
not from the client: GET /conversations/v3/conversations/threads filtered by associatedTicketId
(with `association=TICKET` the answer carries threadAssociations), GET .../threads/{id}/messages
(newest first unless sort=createdAt), and POST .../threads/{id}/messages, checked as HubSpot
documents it: type MESSAGE needs text, attachments, channelId, channelAccountId, recipients
(each with deliveryIdentifiers) and senderActorId; the channel account must be the channel's
and connected; the sender an agent of the account ("A-" and a user id). There is no endpoint
that starts a thread: HubSpot's API cannot, so neither can the fake.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tests.harness.fake_hubspot_store import Refusal, stamp

Answer = tuple[int, dict[str, Any]]
EMAIL_CHANNEL = "1002"  # the id HubSpot's channels list gives the e-mail channel
SUPPORT_INBOX = "147959634"
SUPPORT_ACCOUNT = "240783710"  # the team e-mail support@ connected as a channel account
_REQUIRED = ("text", "attachments", "channelId", "channelAccountId", "recipients")


@dataclass
class ConversationStore:
    """Threads by id (each linked to at most one ticket), their messages oldest first, the
    connected channel accounts and the account's agents (user ids)."""

    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    threads: dict[str, dict[str, Any]] = field(default_factory=dict)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    accounts: dict[str, dict[str, str]] = field(
        default_factory=lambda: {SUPPORT_ACCOUNT: {"channelId": EMAIL_CHANNEL, "name": "support@"}}
    )
    agents: set[str] = field(default_factory=lambda: {"52779312"})
    _ids: itertools.count = field(default_factory=lambda: itertools.count(9_100_000_001))

    def email_thread(self, ticket_id: str | None, customer: str, subject: str, text: str) -> str:
        """A customer's e-mail to support, as HubSpot logs it: a thread (linked to the ticket it
        made, if any) holding the incoming message; the thread's id."""
        thread_id = str(next(self._ids))
        now = stamp(self.clock())
        self.threads[thread_id] = {
            "id": thread_id, "status": "OPEN", "archived": False, "spam": False,
            "inboxId": SUPPORT_INBOX, "createdAt": now, "latestMessageTimestamp": now,
            "associatedContactId": "751", "originalChannelId": EMAIL_CHANNEL,
            "originalChannelAccountId": SUPPORT_ACCOUNT, "ticketId": ticket_id,
        }  # fmt: skip
        incoming = self.message(thread_id, "INCOMING", text, subject)
        address = {"type": "HS_EMAIL_ADDRESS", "value": customer}
        incoming["senders"] = [{"name": customer, "deliveryIdentifier": address}]
        self.messages[thread_id] = [incoming]
        return thread_id

    def replies(self, thread_id: str) -> list[dict[str, Any]]:
        """What was sent on a thread (its OUTGOING messages), oldest first."""
        return [m for m in self.messages.get(thread_id, []) if m["direction"] == "OUTGOING"]

    def message(self, thread_id: str, direction: str, text: str, subject: str | None) -> dict:
        """A new message on the thread, as HubSpot shows one (not yet stored)."""
        return {
            "type": "MESSAGE", "id": f"{next(self._ids):x}", "conversationsThreadId": thread_id,
            "createdAt": stamp(self.clock()), "createdBy": "", "client": {"clientType": "HUBSPOT"},
            "senders": [], "recipients": [], "archived": False, "text": text, "attachments": [],
            "truncationStatus": "NOT_TRUNCATED", "direction": direction, "subject": subject,
            "channelId": EMAIL_CHANNEL, "channelAccountId": SUPPORT_ACCOUNT,
        }  # fmt: skip


def _shown(thread: dict[str, Any], with_ticket: bool) -> dict[str, Any]:
    shown = {k: v for k, v in thread.items() if k != "ticketId"}
    if with_ticket and thread["ticketId"]:
        shown["threadAssociations"] = {"associatedTicketId": thread["ticketId"]}
    return shown


def _invalid(message: str) -> Refusal:
    return Refusal(400, "VALIDATION_ERROR", message)


def threads(store: ConversationStore, query, body) -> Answer:
    """GET /conversations/v3/conversations/threads."""
    ticket = query.get("associatedTicketId", [None])[0]
    if ticket is not None and not ticket.isdigit():
        raise _invalid(f"associatedTicketId must be a number, not {ticket}")
    wanted = [t for t in store.threads.values() if ticket is None or t["ticketId"] == ticket]
    live = [t for t in wanted if not t["archived"]]
    with_ticket = "TICKET" in query.get("association", [])
    return 200, {"results": [_shown(t, with_ticket) for t in live]}


def _thread(store: ConversationStore, thread_id: str) -> dict[str, Any]:
    thread = store.threads.get(thread_id)
    if thread is None or thread["archived"]:
        raise Refusal(404, "OBJECT_NOT_FOUND", f"Thread {thread_id} not found")
    return thread


def messages(store: ConversationStore, query, body, thread_id: str) -> Answer:
    """GET /conversations/v3/conversations/threads/{threadId}/messages."""
    _thread(store, thread_id)
    found = list(store.messages.get(thread_id, []))
    if query.get("sort", ["-createdAt"])[0] != "createdAt":
        found.reverse()  # HubSpot's default: newest first
    limit = int(query.get("limit", ["50"])[0])
    return 200, {"results": found[:limit]}


def send(store: ConversationStore, query, body, thread_id: str) -> Answer:
    """POST /conversations/v3/conversations/threads/{threadId}/messages."""
    _thread(store, thread_id)
    if not isinstance(body, dict) or body.get("type") not in {"MESSAGE", "COMMENT"}:
        raise _invalid("type must be MESSAGE or COMMENT")
    if body["type"] == "COMMENT":
        raise _invalid("this fake takes messages to customers only, not internal comments")
    missing = [name for name in (*_REQUIRED, "senderActorId") if body.get(name) in (None, "")]
    if missing:
        raise _invalid(f"Missing required field(s): {', '.join(missing)}")
    account = store.accounts.get(str(body["channelAccountId"]))
    if account is None or account["channelId"] != str(body["channelId"]):
        raise _invalid(f"channel account {body['channelAccountId']} is not one of that channel's")
    actor = str(body["senderActorId"])
    if not actor.startswith("A-") or actor[2:] not in store.agents:
        raise _invalid(f"senderActorId {actor} is not an agent of this account")
    recipients = body["recipients"]
    if not isinstance(recipients, list) or not all(
        isinstance(r, dict) and r.get("deliveryIdentifiers") for r in recipients
    ):
        raise _invalid("each recipient needs deliveryIdentifiers")
    sent = store.message(thread_id, "OUTGOING", str(body["text"]), body.get("subject"))
    sent |= {"createdBy": actor, "senders": [{"actorId": actor}], "status": {"statusType": "SENT"}}
    sent["recipients"] = [{"deliveryIdentifier": r["deliveryIdentifiers"][0]} for r in recipients]
    store.messages.setdefault(thread_id, []).append(sent)
    return 201, sent


_BASE = "/conversations/v3/conversations/threads"
THREAD_ROUTES: list[tuple[str, re.Pattern[str], Callable[..., Answer]]] = [
    ("GET", re.compile(_BASE), threads),
    ("GET", re.compile(rf"{_BASE}/(\d+)/messages"), messages),
    ("POST", re.compile(rf"{_BASE}/(\d+)/messages"), send),
]
