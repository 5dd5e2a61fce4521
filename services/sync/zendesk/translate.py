"""A ticket and its queued events in Zendesk's terms: the new ticket, an update, its comments."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, get_args

from services.clients.zendesk import NewComment, NewTicket
from services.clients.zendesk.models import FieldValue, Priority
from services.profile import Profile
from services.tickets.model import EventKind, Ticket
from services.tickets.statuses import to_zendesk

ZENDESK_PRIORITIES: tuple[Priority, ...] = get_args(Priority)  # most urgent first
# Each event kind with a body but no comment of its own, as a comment's first words.
_LABELS = {
    EventKind.RESOLVED: "Resolved",
    EventKind.CLOSED: "Closed",
    EventKind.REOPENED: "Reopened",
    EventKind.RCCA: "Root cause and corrective action",
    EventKind.STATUS_CHANGED: "Status changed",
    EventKind.ASSIGNED: "Assigned",
    EventKind.CLASSIFIED: "Triaged",
    EventKind.SERVICE: "Service",
    EventKind.KNOWLEDGE: "Knowledge base",
    EventKind.INVOLVED: "Team pulled in",
    EventKind.ESCALATED_AT_INTAKE: "Escalated at intake",
}
TAGS = ("teams_support_desk",)
# Resolved without the customer's word yet: Zendesk e-mails them the fix and this question.
ASK_TO_CONFIRM = "Please reply to confirm this fixed the problem, or tell us if it did not."


def zendesk_priority(profile: Profile, key: str) -> Priority | None:
    """The profile's priority as one of Zendesk's four: by key if it is one, else by rank."""
    if key in ZENDESK_PRIORITIES:
        return key  # type: ignore[return-value]
    rank = next((p.rank for p in profile.priorities if p.key == key), None)
    return None if rank is None else ZENDESK_PRIORITIES[min(rank, len(ZENDESK_PRIORITIES)) - 1]


def zendesk_status(profile: Profile, ticket: Ticket) -> str:
    """The Zendesk status the profile's [[statuses]] entry gives the ticket's status."""
    return to_zendesk(profile, ticket.status)[0]


def custom_fields(profile: Profile, ticket: Ticket, only: Iterable[str] | None = None) -> dict:
    """[zendesk.fields]: each mapped intake answer (its column when triage may change it)."""
    if profile.zendesk is None:
        return {}
    wanted = None if only is None else set(only)
    values: dict[int, FieldValue] = {}
    for name, field_id in profile.zendesk.fields.items():
        spec = next((f for f in profile.intake if f.id == name), None)
        column = spec.role.value if spec is not None and spec.role is not None else None
        if column is not None and not hasattr(ticket, column):
            column = None
        if wanted is not None and (column or name) not in wanted:
            continue
        value = getattr(ticket, column) if column else ticket.fields.get(name)
        values[field_id] = _field_value(value)
    return values


def _field_value(value: Any) -> FieldValue:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value)


def new_ticket(profile: Profile, ticket: Ticket) -> NewTicket:
    """POST /tickets for a ticket filed in Teams: the caller from intake is the requester."""
    return NewTicket(
        requester_name=ticket.contact_name or ticket.company or "Customer",
        requester_email=ticket.contact_email,
        subject=ticket.subject,
        description=ticket.description or ticket.subject,
        external_id=ticket.number,
        priority=zendesk_priority(profile, ticket.priority),
        custom_fields=custom_fields(profile, ticket),
        tags=TAGS,
    )


def touched(events: Iterable[Mapping[str, Any]]) -> set[str]:
    """The ticket attributes the events changed."""
    return {name for e in events for name in (*(e.get("before") or {}), *(e.get("after") or {}))}


def comment_texts(profile: Profile, events: Iterable[Mapping[str, Any]]) -> list[tuple[str, bool]]:
    """(text, public) per comment: events with a body, consecutive ones of one visibility joined.

    A note is its own words; another kind's body is labelled ("Resolved: ..."). Who wrote a
    private one is named, as the API user posts it. A resolve that waits for the customer's
    word asks them, publicly, to confirm the fix.
    """
    found: list[tuple[str, bool]] = []
    for event in events:
        body = (event.get("body") or "").strip()
        if not body or event.get("kind") == EventKind.CREATED.value:
            continue
        kind = EventKind(event["kind"])
        text = body if kind is EventKind.NOTE else f"{_LABELS.get(kind, kind.value)}: {body}"
        public = event.get("visibility") == "public"
        if kind is EventKind.RESOLVED and (event.get("after") or {}).get("confirmation_requested"):
            text, public = f"{body}\n\n{ASK_TO_CONFIRM}", True
        if not public:
            text = f"{_name(profile, event.get('actor_id'))}: {text}"
        if found and found[-1][1] == public:
            found[-1] = (f"{found[-1][0]}\n\n{text}", public)
        else:
            found.append((text, public))
    return found


def comments(profile: Profile, events: Iterable[Mapping[str, Any]]) -> list[NewComment]:
    """The events' comments as Zendesk comments."""
    return [NewComment(text, public) for text, public in comment_texts(profile, events)]


def _name(profile: Profile, person_id: str | None) -> str:
    try:
        return profile.person(person_id or "").name
    except KeyError:
        return "Support desk"
