"""Timeline entries and ticket facts in the words the team reads them."""

from __future__ import annotations

from services.profile import Profile
from services.tickets.model import EventKind, Ticket, TicketEvent, Visibility
from services.tickets.rules import local_time, name_of, status_label
from services.tickets.statuses import TicketStatus


def _who(profile: Profile, person_id: str | None) -> str:
    return name_of(profile, person_id) if person_id else "nobody"


def describe(profile: Profile, event: TicketEvent) -> str:
    """One timeline line, e.g. "Mary assigned it to Kevin (override: covering for Sean)"."""
    actor = "The desk" if event.actor_id == "system" else _who(profile, event.actor_id)
    after = dict(event.after or {})
    body = f": {event.body}" if event.body else ""
    match event.kind:
        case EventKind.CREATED:
            return f"{actor} filed it"
        case EventKind.ASSIGNED:
            return f"{actor} assigned it to {_who(profile, after.get('assignee_id'))}{body}"
        case EventKind.STATUS_CHANGED if "status" in after:
            return f"{actor} set it to {status_label(profile, TicketStatus(after['status']))}{body}"
        case EventKind.NOTE:
            where = "customer-visible note" if event.visibility is Visibility.PUBLIC else "note"
            return f"{actor} added a {where}{body}"
        case EventKind.REOPENED:
            return f"{actor} reopened it{body}"
        case _:
            return f"{actor} {event.kind.value.replace('_', ' ')} it{body}"


def timeline(profile: Profile, events: list[TicketEvent], limit: int = 12) -> list[str]:
    """The latest `limit` events, oldest first, each with its local time."""
    shown = events[-limit:]
    return [f"{local_time(profile, e.at)} · {describe(profile, e)}" for e in shown]


def facts(profile: Profile, ticket: Ticket) -> list[tuple[str, str]]:
    """The ticket's key facts as (label, value) pairs, empty ones left out."""
    contact = " · ".join(
        x for x in (ticket.contact_name, ticket.contact_phone, ticket.contact_email) if x
    )
    machine = " · ".join(x for x in (ticket.machine_model, ticket.serial_number) if x)
    pairs = [
        ("Status", status_label(profile, ticket.status)),
        ("Priority", profile.priority(ticket.priority).label),
        ("Assignee", _who(profile, ticket.assignee_id)),
        ("Company", ticket.company or ""),
        ("Contact", contact),
        ("Machine", machine),
        ("Complexity", profile.complexity(ticket.complexity).label if ticket.complexity else ""),
        ("Issue type", profile.issue_type(ticket.issue_type).label if ticket.issue_type else ""),
    ]
    if ticket.acknowledged_at:
        pairs.append(("Acknowledged", local_time(profile, ticket.acknowledged_at)))
    elif ticket.ack_due_at:
        pairs.append(("Acknowledge by", local_time(profile, ticket.ack_due_at)))
    if ticket.time_spent_minutes:
        pairs.append(("Time spent", f"{ticket.time_spent_minutes} min"))
    if ticket.reopen_count:
        pairs.append(("Reopened", f"{ticket.reopen_count}×"))
    return [(label, value) for label, value in pairs if value]
