"""A new ticket's first row and its "created" event, built from a checked intake draft."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.profile import Profile
from services.tickets.history import json_value
from services.tickets.intake import TicketDraft
from services.tickets.model import EventKind, TicketEvent
from services.tickets.numbering import placeholder_number
from services.tickets.sla import opening_columns
from services.tickets.statuses import TicketStatus, to_zendesk


def new_ticket_row(
    profile: Profile, draft: TicketDraft, requester_id: str, intake_key: str | None, now: datetime
) -> dict[str, Any]:
    """The tickets row a checked draft opens as: status new, SLA clocks started at `now`.

    Its number is a placeholder until the row's id gives the real one.
    """
    priority = draft.priority or profile.default_priority.key
    status, substatus = to_zendesk(profile, TicketStatus.NEW)
    return {
        "number": placeholder_number(),
        "profile": profile.name,
        "status": status,
        "substatus": substatus,
        "priority": priority,
        "issue_type": draft.issue_type,
        "complexity": draft.complexity,
        "subject": draft.subject,
        "description": draft.description,
        "company": draft.company,
        "contact_name": draft.contact_name,
        "contact_email": draft.contact_email,
        "contact_phone": draft.contact_phone,
        "machine_model": draft.machine_model,
        "serial_number": draft.serial_number,
        "machine_ref": draft.machine_ref,
        "customer_ref": draft.customer_ref,
        "fields": dict(draft.fields),
        "requester_id": requester_id,
        "created_at": now,
        "updated_at": now,
        "external_id": draft.external_id,
        "intake_key": intake_key,
    } | opening_columns(profile, priority, now)


def opened_event(row: dict[str, Any]) -> TicketEvent:
    """The "created" event: who raised the ticket and what it started as."""
    after = {name: json_value(row[name]) for name in ("priority", "issue_type", "complexity")}
    after |= {"status": TicketStatus.NEW.value, "ack_due_at": json_value(row["ack_due_at"])}
    return TicketEvent(EventKind.CREATED, row["requester_id"], row["created_at"], after=after)
