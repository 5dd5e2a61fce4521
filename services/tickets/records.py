"""Rows of `tickets` and `ticket_events` turned into domain objects and back."""

from collections.abc import Mapping
from dataclasses import fields as dataclass_fields
from typing import Any

from sqlalchemy import BigInteger, Numeric, Select, cast, func, select, type_coerce

from services.db.schema import ticket_events, tickets, time_entries
from services.profile import Profile
from services.tickets.errors import TicketRuleError
from services.tickets.model import EventKind, Ticket, TicketEvent, Visibility
from services.tickets.statuses import TicketStatus, to_zendesk

# Written once at creation and never by a save.
_FIXED = frozenset({"id", "number", "profile", "requester_id", "created_at", "intake_key"})
# Ticket attributes read from the timeline instead of a column.
_DERIVED = frozenset({"status_changed_at", "time_spent_minutes", "version"})
_WRITABLE = tuple(
    f.name for f in dataclass_fields(Ticket) if f.name not in _FIXED | _DERIVED | {"status"}
)

# Every event that changes the status says so in `after`, so the latest such event is when the
# ticket entered its current status.
_status_changed_at = (
    select(func.max(ticket_events.c.at))
    .where(
        ticket_events.c.ticket_id == tickets.c.id,
        ticket_events.c.after["status"].as_string().is_not(None),
    )
    .scalar_subquery()
)
# NUMERIC, which no sum overflows: as_integer() is a 32-bit INTEGER on PostgreSQL, where one
# stored note of three billion minutes made every query built here fail ("out of range").
_note_minutes = cast(ticket_events.c.after["minutes"].as_string(), Numeric)
_note_time = (
    select(func.coalesce(func.sum(_note_minutes), 0))
    .where(ticket_events.c.ticket_id == tickets.c.id, ticket_events.c.kind == EventKind.NOTE)
    .scalar_subquery()
)
# The `time` command's entries count too: a ticket's total is all the time worked on it.
_entry_time = (
    select(func.coalesce(func.sum(cast(time_entries.c.minutes, Numeric)), 0))
    .where(time_entries.c.ticket_id == tickets.c.id)
    .scalar_subquery()
)
# Read back untouched (a Decimal on PostgreSQL): ticket_from_row makes it an int.
_time_spent = type_coerce(_note_time + _entry_time, BigInteger)


def select_tickets() -> Select[Any]:
    """SELECT of every ticket column plus the two values read from the timeline (and the time
    entries)."""
    return select(
        tickets,
        _status_changed_at.label("status_changed_at"),
        _time_spent.label("time_spent_minutes"),
    )


def ticket_from_row(row: Mapping[str, Any]) -> Ticket:
    """A Ticket from a row of select_tickets()."""
    values = {f.name: row[f.name] for f in dataclass_fields(Ticket) if f.name != "status"}
    values["fields"] = dict(row["fields"] or {})
    values["time_spent_minutes"] = int(row["time_spent_minutes"])
    # The role is stored as it is; the status column is the profile's Zendesk status for it.
    return Ticket(status=TicketStatus(row["substatus"]), **values)


def ticket_values(ticket: Ticket, profile: Profile) -> dict[str, Any]:
    """The columns a save writes (all but the fixed ones and the version)."""
    status, substatus = to_zendesk(profile, ticket.status)
    values = {name: getattr(ticket, name) for name in _WRITABLE}
    values["fields"] = dict(ticket.fields)
    return values | {"status": status, "substatus": substatus}


def check_lengths(values: Mapping[str, Any]) -> None:
    """Refuse text longer than its column, in words a person can act on.

    PostgreSQL would reject it with a driver error and SQLite would quietly keep it all.
    """
    for name, value in values.items():
        limit = getattr(tickets.c[name].type, "length", None)
        if isinstance(value, str) and limit is not None and len(value) > limit:
            what = name.replace("_", " ").capitalize()
            raise TicketRuleError(f"{what} is too long: keep it to {limit} characters.")


def event_values(event: TicketEvent, ticket_id: int) -> dict[str, Any]:
    """The row for `event` on ticket `ticket_id`."""
    return {
        "ticket_id": ticket_id,
        "at": event.at,
        "actor_id": event.actor_id,
        "kind": event.kind.value,
        "visibility": event.visibility.value,
        "body": event.body,
        "before": dict(event.before) if event.before is not None else None,
        "after": dict(event.after) if event.after is not None else None,
    }


def event_from_row(row: Mapping[str, Any]) -> TicketEvent:
    """A TicketEvent from a `ticket_events` row."""
    return TicketEvent(
        id=row["id"],
        ticket_id=row["ticket_id"],
        kind=EventKind(row["kind"]),
        actor_id=row["actor_id"],
        at=row["at"],
        visibility=Visibility(row["visibility"]),
        body=row["body"],
        before=row["before"],
        after=row["after"],
    )
