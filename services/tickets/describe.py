"""Timeline entries and ticket facts in the words the team reads them."""

from __future__ import annotations

from services.profile import FieldKind, Profile
from services.tickets.customer_message import Purpose
from services.tickets.model import EventKind, Ticket, TicketEvent, Visibility
from services.tickets.rules import local_time, name_of, status_label
from services.tickets.statuses import TicketStatus

# Answers shown among a ticket's facts: short ones a person reads at a glance (a toggle only
# feeds the rules; a long text is the description's place).
_SHOWN = frozenset({FieldKind.CHOICE, FieldKind.TEXT})


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
        case EventKind.NOTE if after.get("purpose") in set(Purpose):
            done = Purpose(after["purpose"]).done
            return f"{actor} {done} ({after.get('via') or 'sent'}){body}"
        case EventKind.NOTE:
            where = "customer-visible note" if event.visibility is Visibility.PUBLIC else "note"
            spent = f" ({after['minutes']} min)" if after.get("minutes") else ""
            return f"{actor} added a {where}{spent}{body}"
        case EventKind.RESOLVED:
            return f"{actor} resolved it{body}{_resolution_details(after)}"
        case EventKind.CLOSED:
            return f"{actor} closed it{_closing_grounds(after)}"
        case EventKind.REOPENED:
            return f"{actor} reopened it ({_reopen_details(after)}){body}"
        case EventKind.PARTS:
            step, request = after.get("step", "updated"), after.get("parts_request")
            return (
                f"{actor} {step} parts request {request}{body}"
                if request
                else f"{actor} {step}{body}"
            )
        case EventKind.SERVICE:
            step, request = after.get("step", "updated"), after.get("service_request", "")
            return f"{actor} {step} service request {request}{body}"
        case EventKind.RCCA:
            return f"{actor} recorded the RCCA: {_rcca_details(after)}"
        case EventKind.MESSAGE_QUEUED:
            # The text shows once, on the note recording that it went out.
            return f"{actor} queued a message to the customer ({after.get('via') or 'sent'})"
        case EventKind.ESCALATED_AT_INTAKE:
            return f"Escalated at intake{body}"
        case EventKind.KNOWLEDGE if after.get("merged"):
            return f"{actor} merged KB article {after['merged']} into {after.get('article')}{body}"
        case EventKind.KNOWLEDGE:
            step, article = after.get("step", "updated"), after.get("article", "")
            return f"{actor} {step} KB article {article}{body}"
        case EventKind.DOCUMENTATION_ANSWER:
            article, title = after.get("article", ""), after.get("title")
            named = f"{article} ({title})" if title else article
            return f"{actor} answered it from documentation with {named}"
        case EventKind.INVOLVED:
            people = ", ".join(_who(profile, p) for p in after.get("helpers") or ())
            team = after.get("team_label") or after.get("team", "a team")
            return f"{actor} involved {team}{f' ({people})' if people else ''}{body}"
        case _:
            return f"{actor} {event.kind.value.replace('_', ' ')} it{body}"


def _resolution_details(after: dict) -> str:
    """What else the resolver recorded, in brackets: root cause, KB article, confirmation."""
    details = [f"root cause: {after['root_cause']}"] if after.get("root_cause") else []
    if after.get("kb_article"):
        details.append("worth a KB article")
    if after.get("confirmation_requested"):
        details.append("customer asked to confirm")
    return f" ({'; '.join(details)})" if details else ""


def _rcca_details(after: dict) -> str:
    """An RCCA in one line: "root cause: …; corrective action: …; preventive action: …"."""
    parts = ("root_cause", "corrective_action", "preventive_action")
    return "; ".join(f"{p.replace('_', ' ')}: {after[p]}" for p in parts if after.get(p))


def _closing_grounds(after: dict) -> str:
    """Why it closed: who confirmed and how, or how long the customer stayed silent."""
    match after.get("closed_because"):
        case "customer_confirmed":
            via = _VIA.get(after.get("confirmed_via", ""), "")
            return f": {after.get('confirmed_by')} confirmed the fix {via}".rstrip()
        case "no_answer":
            days = after.get("business_days_without_answer")
            return f": no answer from the customer in {days} business days"
    return ""


def _reopen_details(after: dict) -> str:
    """Which reopen this is and where it came from: "reopen #2, customer report from Dana"."""
    count = f"reopen #{after['reopen_count']}" if "reopen_count" in after else "reopened"
    if after.get("source") == "customer_report":
        return f"{count}, customer report from {after.get('reported_by')}"
    return f"{count}, by staff"


# How a customer confirmation reads in a sentence, by ConfirmationChannel value.
_VIA = {
    "phone": "by phone",
    "email": "by e-mail",
    "teams": "in Teams",
    "zendesk": "in Zendesk",
    "on_site": "on site",
}


def timeline(profile: Profile, events: list[TicketEvent], limit: int = 12) -> list[str]:
    """The latest `limit` events, oldest first, each with its local time."""
    shown = events[-limit:]
    return [f"{local_time(profile, e.at)} · {describe(profile, e)}" for e in shown]


def answered(profile: Profile, ticket: Ticket) -> list[tuple[str, str]]:
    """The desk's own intake answers that no column keeps (Kinetic Data's environment,
    application, category), by the field's label; a choice reads as its label."""
    pairs = []
    for spec in profile.intake:
        value = ticket.fields.get(spec.id)
        if spec.role is not None or spec.kind not in _SHOWN or not isinstance(value, str):
            continue
        if spec.kind is FieldKind.CHOICE:
            value = next((c.label for c in profile.choices_for(spec) if c.key == value), value)
        pairs.append((spec.label, value.strip()))
    return pairs


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
        *answered(profile, ticket),
    ]
    if ticket.acknowledged_at:
        pairs.append(("Acknowledged", local_time(profile, ticket.acknowledged_at)))
    elif ticket.ack_due_at:
        pairs.append(("Acknowledge by", local_time(profile, ticket.ack_due_at)))
    if ticket.sla_paused_at and ticket.is_open:
        pairs.append(("SLA", f"Paused since {local_time(profile, ticket.sla_paused_at)}"))
    elif ticket.is_open:
        # The stored due times, settled on every save (pauses included); a paused one would
        # stand still and mislead, so only the pause shows then.
        if ticket.first_response_at is None and ticket.first_response_due_at:
            pairs.append(("Respond by", local_time(profile, ticket.first_response_due_at)))
        if ticket.resolution_due_at:
            pairs.append(("Resolve by", local_time(profile, ticket.resolution_due_at)))
    if ticket.time_spent_minutes:
        pairs.append(("Time spent", f"{ticket.time_spent_minutes} min"))
    if ticket.reopen_count:
        pairs.append(("Reopened", f"{ticket.reopen_count}×"))
    return [(label, value) for label, value in pairs if value]
