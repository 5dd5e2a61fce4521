"""A ticket and its queued events in HubSpot's terms, and back: stages, priorities, properties,
notes. Every value HubSpot takes is a string, so every value made here is one.

Both directions live here so the outbound sender and the inbound sync read one mapping: the
profile's [hubspot] section and the `hubspot` stage of each [[statuses]] entry.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from services.profile import Profile
from services.profile.hubspot import HubSpotSection
from services.tickets.describe import describe
from services.tickets.model import EventKind, Ticket, TicketEvent, Visibility
from services.tickets.statuses import TicketStatus

# HubSpot's own ticket properties the bot sets from the ticket itself.
SUBJECT, CONTENT, PIPELINE, STAGE, PRIORITY = (
    "subject", "content", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_priority",
)  # fmt: skip
OWNER = "hubspot_owner_id"
NOTE_LIMIT = 65_536  # hs_note_body holds at most this many characters


def section(profile: Profile) -> HubSpotSection:
    """The profile's [hubspot] section (the profile checks guarantee it with HubSpot on)."""
    if profile.hubspot is None:
        raise ValueError(f"the {profile.name} profile has no [hubspot] section")
    return profile.hubspot


def hubspot_stage(profile: Profile, role: TicketStatus) -> str:
    """The pipeline stage id of the profile's status playing `role`."""
    stage = profile.status_for(role).hubspot
    if stage is None:
        raise ValueError(f"the {profile.name} profile maps no HubSpot stage to '{role}'")
    return stage


def role_of_stage(profile: Profile, stage_id: str) -> TicketStatus | None:
    """The role of a HubSpot stage (the first status mapped to it); None for a stage the
    profile does not map."""
    return next((s.role for s in profile.statuses if s.hubspot == stage_id), None)


def hubspot_priority(profile: Profile, key: str) -> str | None:
    """hs_ticket_priority for a profile priority key."""
    return section(profile).priorities.get(key)


def priority_of(profile: Profile, value: str | None) -> str | None:
    """The most urgent profile priority mapped to an hs_ticket_priority value."""
    mapped = section(profile).priorities
    keys = [p.key for p in sorted(profile.priorities, key=lambda p: p.rank)]
    return next((k for k in keys if value is not None and mapped.get(k) == value), None)


def as_text(value: Any) -> str:
    """A value as HubSpot stores it: text; true/false; a multi-select's options joined by ';'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set):
        return ";".join(as_text(item) for item in value)
    return str(value)


def ticket_properties(
    profile: Profile, ticket: Ticket, only: Iterable[str] | None = None
) -> dict[str, str]:
    """The mapped intake answers as ticket properties (an answer's column when triage may
    change it), limited to the attributes in `only` when given; "" clears a property."""
    hub = section(profile)
    wanted = None if only is None else set(only)
    values: dict[str, str] = {}
    for name in hub.properties:
        spec = next((f for f in profile.intake if f.id == name), None)
        column = spec.role.value if spec is not None and spec.role is not None else None
        if column is not None and not hasattr(ticket, column):
            column = None
        if wanted is not None and (column or name) not in wanted:
            continue
        answer = getattr(ticket, column) if column else ticket.fields.get(name)
        text = as_text(answer)
        values[hub.property_of(name) or name] = hub.option_values(name).get(text, text)
    return values


def answer_of(profile: Profile, field_id: str, value: str | None) -> str | None:
    """The intake answer a ticket property's value stands for (the inverse of the value map)."""
    back = {option: key for key, option in section(profile).option_values(field_id).items()}
    return None if value in (None, "") else back.get(value, value)


def new_ticket(profile: Profile, ticket: Ticket) -> dict[str, str]:
    """The properties of POST /crm/v3/objects/tickets for a ticket filed in Teams."""
    hub = section(profile)
    fixed = {
        SUBJECT: ticket.subject,
        CONTENT: ticket.description or ticket.subject,
        PIPELINE: hub.pipeline,
        STAGE: hubspot_stage(profile, ticket.status),
        hub.number_property: ticket.number,
    }
    priority = hubspot_priority(profile, ticket.priority)
    if priority is not None:
        fixed[PRIORITY] = priority
    custom = {k: v for k, v in ticket_properties(profile, ticket).items() if v != ""}
    return custom | fixed


def touched(events: Iterable[Mapping[str, Any]]) -> set[str]:
    """The ticket attributes the events changed."""
    return {name for e in events for name in (*(e.get("before") or {}), *(e.get("after") or {}))}


def notes(profile: Profile, events: Iterable[Mapping[str, Any]]) -> list[tuple[str, datetime]]:
    """(hs_note_body, when) for each queued event that carries words: the timeline's line for
    it ("Sam added a customer-visible note: ..."), as HTML since HubSpot shows the body so."""
    found = []
    for payload in events:
        body = (payload.get("body") or "").strip()
        if not body or payload.get("kind") == EventKind.CREATED.value:
            continue
        event = TicketEvent(
            EventKind(payload["kind"]),
            payload.get("actor_id") or "system",
            datetime.fromisoformat(payload["at"]),
            Visibility(payload.get("visibility") or Visibility.INTERNAL.value),
            body,
            payload.get("before") or None,
            payload.get("after") or None,
        )
        text = html.escape(describe(profile, event)).replace("\n", "<br>")
        found.append((text[:NOTE_LIMIT], event.at))
    return found
