"""Intake: the draft a ticket is created from, checked against the profile, and its first SLA."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from services.profile import FieldRole, Profile
from services.tickets.errors import TicketRuleError
from services.tickets.rules import business_clock
from services.tickets.titles import summary

R = FieldRole
# Field roles whose answers also get a ticket column of their own (all answers stay in `fields`).
_COLUMNS = {
    R.SUBJECT: "subject",
    R.DESCRIPTION: "description",
    R.PRIORITY: "priority",
    R.ISSUE_TYPE: "issue_type",
    R.COMPLEXITY: "complexity",
    R.COMPANY: "company",
    R.CONTACT_NAME: "contact_name",
    R.CONTACT_EMAIL: "contact_email",
    R.CONTACT_PHONE: "contact_phone",
    R.MACHINE_MODEL: "machine_model",
    R.SERIAL_NUMBER: "serial_number",
}


@dataclass(frozen=True)
class TicketDraft:
    """What intake captured, before the ticket exists; priority None means the profile decides."""

    subject: str
    description: str = ""
    priority: str | None = None
    issue_type: str | None = None
    complexity: str | None = None
    company: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    machine_model: str | None = None
    serial_number: str | None = None
    # The machine's and its customer's ids in the installed base, when intake picked it there
    # (None: typed by hand, or not found).
    machine_ref: str | None = None
    customer_ref: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    external_id: str | None = None


def column_of(role: FieldRole | None) -> str | None:
    """The ticket column an answer of this role is kept in too, if any."""
    return _COLUMNS.get(role) if role is not None else None


def answer(profile: Profile, answers: Mapping[str, Any], role: FieldRole) -> Any:
    """The answer to the intake field playing `role`; None if unasked or unanswered."""
    spec = profile.field_for(role)
    return None if spec is None else answers.get(spec.id)


def draft_from_answers(profile: Profile, answers: Mapping[str, Any]) -> TicketDraft:
    """A draft from intake answers by field role; no subject: the description's summary."""
    columns = {
        column: str(value).strip() or None
        for role, column in _COLUMNS.items()
        if (value := answer(profile, answers, role)) not in (None, "")
    }
    description = columns.pop("description", None) or ""
    subject = " ".join((columns.pop("subject", None) or summary(description)).split())
    if not subject:
        subject = f"Support request from {columns.get('company') or 'a customer'}"
    priority = columns.pop("priority", None) or profile.suggested_priority(answers).key
    return TicketDraft(
        subject=subject,
        description=description,
        priority=priority,
        fields=dict(answers),
        **columns,
    )


def check_draft(draft: TicketDraft, profile: Profile) -> TicketDraft:
    """The draft with its subject trimmed and priority settled; refused if it names unknowns.

    Lengths are the storage's business: TicketRepository.create checks them against the columns.
    """
    subject = draft.subject.strip()
    if not subject:
        raise TicketRuleError("A ticket needs a subject: say in a few words what is wrong.")
    priority = draft.priority or profile.default_priority.key
    require_known(profile, "priority", priority)
    if draft.issue_type is not None:
        require_known(profile, "issue type", draft.issue_type)
    if draft.complexity is not None:
        require_known(profile, "machine complexity", draft.complexity)
    return replace(draft, subject=subject, priority=priority)


def require_known(profile: Profile, what: str, key: str) -> None:
    """Refuse a priority, issue type or complexity key the profile does not define."""
    known = {
        "priority": [p.key for p in profile.priorities],
        "issue type": [t.key for t in profile.issue_types],
        "machine complexity": [c.key for c in profile.complexities],
    }[what]
    if key not in known:
        raise TicketRuleError(
            f"There is no {what} '{key}' on the {profile.company} desk "
            f"(choose one of: {', '.join(known)})."
        )


def acknowledge_due(profile: Profile, priority: str, since: datetime) -> datetime:
    """When a ticket of `priority` raised at `since` must be acknowledged (business time)."""
    minutes = profile.sla_target(priority).acknowledge
    return business_clock(profile).add(since, minutes)


def priority_reason(profile: Profile, answers: Mapping[str, Any], priority: str) -> str | None:
    """Why a ticket has `priority` when the rules set it, not the filer: what the filed card says
    beside it ("set from the production impact answer"); None if the filer chose it."""
    chosen = answer(profile, answers, FieldRole.PRIORITY)
    rule = profile.priority_rule(answers)
    if chosen not in (None, "") or rule is None or rule.priority != priority:
        return None
    if rule.note:
        return rule.note
    return f"set from the answer to “{profile.intake_field(rule.field).label}”"
