"""Building new ticket versions and the timeline events that describe the change."""

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from enum import Enum
from typing import Any

from services.tickets.model import EventKind, Ticket, TicketEvent, Visibility

# The workflow's fields: an event's before/after shows those of them the event changed.
TRACKED = (
    "status",
    "priority",
    "issue_type",
    "complexity",
    "assignee_id",
    "ack_due_at",
    "acknowledged_at",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "reopen_count",
    "escalated",
)


def touched(ticket: Ticket, now: datetime, **changes: Any) -> Ticket:
    """`ticket` with `changes` applied at `now`; a new status also restarts status_changed_at."""
    if "status" in changes and changes["status"] != ticket.status:
        changes["status_changed_at"] = now
    return replace(ticket, updated_at=now, **changes)


def event(
    kind: EventKind,
    actor_id: str,
    old: Ticket,
    new: Ticket,
    *,
    body: str | None = None,
    visibility: Visibility = Visibility.INTERNAL,
    extra: Mapping[str, Any] | None = None,
) -> TicketEvent:
    """The event for `old` becoming `new`, timed at new.updated_at; `extra` joins `after`."""
    changed = [name for name in TRACKED if getattr(old, name) != getattr(new, name)]
    before = {name: json_value(getattr(old, name)) for name in changed}
    after = {name: json_value(getattr(new, name)) for name in changed}
    after.update({key: json_value(value) for key, value in (extra or {}).items()})
    return TicketEvent(
        kind=kind,
        actor_id=actor_id,
        at=new.updated_at,
        visibility=visibility,
        body=body,
        before=before or None,
        after=after or None,
    )


def json_value(value: Any) -> Any:
    """A value as it can be stored in the events' JSON: ISO 8601 times, enum values."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value
