"""HubSpot's ticket webhook events, read only as far as a poke needs: which event, which ticket.

A webhook request's body is a JSON array of up to 100 events (developers.hubspot.com, webhooks
API): {"eventId", "subscriptionId", "portalId", "appId", "occurredAt" (Unix ms),
"subscriptionType": "ticket.creation" | "ticket.propertyChange" | "ticket.deletion" | ...,
"attemptNumber", "objectId", "propertyName", "propertyValue", "changeSource", ...}. Generic
subscriptions say "object.creation" and the type in "objectTypeId" ("0-5" for tickets);
association changes name the ticket in fromObjectId or toObjectId, merges in primaryObjectId.
Nothing in an event is trusted beyond the ticket's id: the receiver re-reads the ticket.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

TICKET_TYPE_ID = "0-5"  # HubSpot's object type id for tickets
# What docs/hubspot.md tells the admin to subscribe the app's webhooks to.
SUBSCRIBED = (
    "ticket.creation",
    "ticket.propertyChange",  # hs_pipeline_stage, hs_ticket_priority, hubspot_owner_id
    "ticket.deletion",
    "ticket.associationChange",
)
MAX_EVENTS = 100  # HubSpot sends at most 100 events in one request
_MAX_ID = 19  # digits of a 64-bit id


class NotTicketEvents(ValueError):
    """The body is not a batch of HubSpot webhook events."""


@dataclass(frozen=True)
class TicketEvent:
    """One ticket event: a key to apply it once, its kind, and the ticket it is about."""

    key: str  # eventId alone is "not guaranteed to be unique" (HubSpot): with time and object
    kind: str  # creation, propertyChange, deletion, associationChange, merge, restore
    ticket_id: str
    occurred_at: datetime
    property_name: str | None = None


def parse_ticket_events(body: bytes) -> list[TicketEvent]:
    """The ticket events in a (signature-checked) webhook body, in order; events about other
    objects, or malformed ones, are left out. NotTicketEvents when it is no batch at all."""
    try:
        batch = json.loads(body)
    except ValueError as error:
        raise NotTicketEvents("the body is not JSON") from error
    if not isinstance(batch, list) or len(batch) > MAX_EVENTS:
        raise NotTicketEvents(f"the body is not a list of at most {MAX_EVENTS} events")
    found = (_event(raw) for raw in batch if isinstance(raw, dict))
    return [event for event in found if event is not None]


def _event(raw: dict[str, Any]) -> TicketEvent | None:
    kind = _kind(raw)
    event_id, occurred = _id(raw.get("eventId")), raw.get("occurredAt")
    if kind is None or event_id is None or not _millis(occurred):
        return None
    ticket = _ticket_of(raw, kind)
    if ticket is None:
        return None
    name = raw.get("propertyName")
    return TicketEvent(
        key=f"{event_id}:{occurred}:{ticket}:{kind}",
        kind=kind,
        ticket_id=ticket,
        occurred_at=datetime.fromtimestamp(occurred / 1000, UTC),
        property_name=name[:200] if isinstance(name, str) else None,
    )


def _kind(raw: dict[str, Any]) -> str | None:
    """The event's kind when it is about a ticket ("ticket.x", or "object.x" on type 0-5)."""
    subscription = raw.get("subscriptionType")
    if not isinstance(subscription, str) or "." not in subscription:
        return None
    scope, kind = subscription.split(".", 1)
    if scope == "ticket" or (scope == "object" and raw.get("objectTypeId") == TICKET_TYPE_ID):
        return kind[:40] or None
    return None


def _ticket_of(raw: dict[str, Any], kind: str) -> str | None:
    """The ticket's id: the merge's surviving ticket, an association's ticket side, else the
    object the event is about."""
    if kind == "merge":
        return _id(raw.get("primaryObjectId")) or _id(raw.get("objectId"))
    if kind == "associationChange":
        # e.g. TICKET_TO_CONTACT: the ticket is the "from" side; CONTACT_TO_TICKET: the "to".
        pair = str(raw.get("associationType") or "").upper().split("_TO_")
        if pair[0] == "TICKET":
            return _id(raw.get("fromObjectId"))
        if pair[-1] == "TICKET":
            return _id(raw.get("toObjectId"))
        return None
    return _id(raw.get("objectId"))


def _id(value: object) -> str | None:
    """A HubSpot id (a number, or its digits as text) as text; None when it is not one."""
    if isinstance(value, bool):
        return None
    text = str(value) if isinstance(value, int | str) else ""
    ok = text.isascii() and text.isdigit() and len(text) <= _MAX_ID and text.strip("0")
    return text if ok else None


def _millis(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**15
