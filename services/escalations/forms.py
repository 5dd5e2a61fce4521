"""The escalation and RCCA forms as field specs: the cards are drawn from them and the server
checks answers against the same specs (services.forms), so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from services.escalations.model import Escalation, Handoff
from services.forms import check_answers
from services.forms.answers import MAX_TEXT
from services.forms.bounds import REASON, cut
from services.profile import ChoiceSource, FieldKind, FieldRole, FormField, Profile
from services.tickets import EventKind, Ticket, TicketEvent


def _text(key: str, label: str, hint: str, *, multiline: bool = True) -> FormField:
    kind = FieldKind.MULTILINE if multiline else FieldKind.TEXT
    return FormField(id=key, label=label, kind=kind, required=True, help=hint)


HANDOFF_FIELDS = (
    _text("symptoms", "Symptoms", "What happens, alarms, codes or error messages, since when."),
    _text(
        "steps_tried",
        "Steps already tried",
        "Filled in from the ticket's notes; add what is missing and what each step showed.",
    ),
    _text("machine_model", "Machine model", "As on the nameplate.", multiline=False),
    _text("serial_number", "Serial number", "As on the nameplate.", multiline=False),
    _text(
        "software_versions",
        "Software versions",
        "The versions involved (PLC program, HMI, firmware, platform or application); "
        "'none' where there is no software.",
        multiline=False,
    ),
    _text("suspected_cause", "Suspected cause", "Your best guess, or 'unknown' and why."),
    _text(
        "containment",
        "Containment in place",
        "What keeps the customer running meanwhile, or 'none: machine down'.",
    ),
    _text("help_needed", "What help is needed", "What you need from Engineering, concretely."),
    FormField(
        id="urgency",
        label="Urgency",
        kind=FieldKind.CHOICE,
        required=True,
        choices_from=ChoiceSource.PRIORITIES,
        help="How soon Engineering must act; starts at the ticket's priority.",
    ),
)

RCCA_FIELDS = (
    _text("root_cause", "Root cause", "Why it happened: the cause, not the symptom."),
    _text("corrective_action", "Corrective action", "What fixed it on this machine."),
    _text(
        "preventive_action",
        "Preventive action",
        "What stops it happening again, here and on other machines.",
    ),
)

LABELS = {spec.id: spec.label for spec in (*HANDOFF_FIELDS, *RCCA_FIELDS)}
# The handoff's machine questions, each asked only on a desk whose intake asks it too.
_MACHINE = {"machine_model": FieldRole.MACHINE_MODEL, "serial_number": FieldRole.SERIAL_NUMBER}


def handoff_fields(profile: Profile) -> tuple[FormField, ...]:
    """The handoff form's fields on this desk: a desk without machines is asked none of theirs."""
    return tuple(
        spec
        for spec in HANDOFF_FIELDS
        if spec.id not in _MACHINE or profile.field_for(_MACHINE[spec.id]) is not None
    )


def missing_labels(errors: Mapping[str, str], specs: Sequence[FormField]) -> list[str]:
    """The labels of the fields with a problem, in form order."""
    return [spec.label for spec in specs if spec.id in errors]


def read_handoff(profile: Profile, raw: Mapping[str, Any]) -> tuple[Handoff | None, dict[str, str]]:
    """The handoff form checked as the card checks it: a Handoff, or per-field problems."""
    check = check_answers(profile, handoff_fields(profile), raw)
    if not check.ok:
        return None, check.errors
    # What this desk does not ask (a machine it does not have) is stored empty.
    return Handoff(**{spec.id: check.values.get(spec.id, "") for spec in HANDOFF_FIELDS}), {}


def read_rcca(profile: Profile, raw: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The RCCA form checked as the card checks it: (answers, per-field problems)."""
    check = check_answers(profile, RCCA_FIELDS, raw)
    return check.values, check.errors


def steps_from_notes(events: Sequence[TicketEvent]) -> str:
    """The troubleshooting notes as a list of steps, the latest ones kept if all do not fit.

    Each note is cut to a paragraph, so one long note does not crowd out the others.
    """
    lines: list[str] = []
    size = 0
    for note in reversed([e for e in events if e.kind is EventKind.NOTE and e.body]):
        line = f"- {cut(' '.join(str(note.body).split()), REASON)}"
        if size + len(line) + 1 > MAX_TEXT:
            break
        lines.append(line)
        size += len(line) + 1
    return "\n".join(reversed(lines))


def handoff_prefill(
    ticket: Ticket, events: Sequence[TicketEvent], previous: Escalation | None
) -> dict[str, str]:
    """What the form starts with: the last handoff sent back for more information, else what
    the ticket already knows (its description, machine and priority, and its notes)."""
    limits = {spec.id: spec.text_limit for spec in HANDOFF_FIELDS}
    if previous is not None:
        return {k: cut(v, limits[k]) for k, v in previous.handoff.answers().items()}
    known = {
        "symptoms": ticket.description or ticket.subject,
        "steps_tried": steps_from_notes(events),
        "machine_model": ticket.machine_model or "",
        "serial_number": ticket.serial_number or "",
        "urgency": ticket.priority,
    }
    return {key: cut(value, limits[key]) for key, value in known.items() if value}
