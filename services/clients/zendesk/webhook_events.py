"""A Zendesk ticket event, read only as far as a poke needs: which event, which ticket.

Event-subscribed webhooks post Zendesk's event envelope (zendesk_event_version 2022-11-06,
developer.zendesk.com/api-reference/webhooks/event-types/ticket-events):
{"type": "zen:event-type:ticket.comment_added", "id": "<event id>", "subject":
"zen:ticket:35436", "detail": {"id": "35436", ...}, "event": {...}, ...}. The body is never
trusted further: the receiver re-reads the ticket through the API.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

TICKET_EVENT = "zen:event-type:ticket."
# What docs/zendesk.md tells the admin to subscribe the webhook to.
SUBSCRIBED = (
    "zen:event-type:ticket.created",
    "zen:event-type:ticket.comment_added",
    "zen:event-type:ticket.status_changed",
    "zen:event-type:ticket.priority_changed",
    "zen:event-type:ticket.agent_assignment_changed",
)
_SUBJECT = re.compile(r"zen:ticket:(\d{1,19})")
_MAX_ID = 200


class NotATicketEvent(ValueError):
    """The body is not a Zendesk ticket event (malformed, or another kind of event)."""


@dataclass(frozen=True)
class TicketEvent:
    """One ticket event: its id (to apply it once), its type, and the ticket it is about."""

    id: str
    type: str
    ticket_id: int


def parse_ticket_event(body: bytes) -> TicketEvent:
    """The event in a (signature-checked) webhook body, or NotATicketEvent."""
    try:
        envelope = json.loads(body)
    except ValueError as error:
        raise NotATicketEvent("the body is not JSON") from error
    if not isinstance(envelope, dict):
        raise NotATicketEvent("the body is not an event envelope")
    kind, event_id = envelope.get("type"), envelope.get("id")
    if not isinstance(kind, str) or not kind.startswith(TICKET_EVENT) or len(kind) > _MAX_ID:
        raise NotATicketEvent(f"not a ticket event: {str(kind)[:_MAX_ID]!r}")
    if not isinstance(event_id, str) or not 0 < len(event_id) <= _MAX_ID:
        raise NotATicketEvent("the event has no usable id")
    return TicketEvent(id=event_id, type=kind, ticket_id=_ticket_id(envelope))


def _ticket_id(envelope: dict) -> int:
    """The ticket's id: detail.id (a string in the 2022-11-06 payloads), else the subject."""
    detail = envelope.get("detail")
    raw = detail.get("id") if isinstance(detail, dict) else None
    if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0:
        return raw
    if isinstance(raw, str) and raw.isascii() and raw.isdigit() and 0 < len(raw) <= 19:
        return int(raw)
    match = _SUBJECT.fullmatch(str(envelope.get("subject") or ""))
    if match:
        return int(match.group(1))
    raise NotATicketEvent("the event names no ticket")
