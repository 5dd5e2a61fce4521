"""Process 4's RCCA form, and the escalation section every viewer sees on an escalated ticket."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microsoft_teams.cards import CardElement, ExecuteAction, Fact, FactSet, TextBlock

from cards.fit import SECTION, RecordLink, clip, subject
from cards.forms import form_inputs
from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from services.escalations import RCCA_FIELDS, Escalation, EscalationStatus, Rcca
from services.profile import Profile
from services.tickets import Ticket
from services.tickets.rules import name_of

RCCA_SUBMIT = "rcca.submit"


def rcca_form_card(
    profile: Profile,
    ticket: Ticket,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    link: RecordLink | None = None,
) -> dict:
    """The RCCA form (filled in with the current RCCA, if any); after a refused submission, the
    same form with errors and values kept."""
    values, errors = values or {}, errors or {}
    body: list[CardElement] = [
        heading(f"RCCA for {subject(ticket, link)}"),
        note("An escalated ticket is resolved only once its RCCA is on record."),
    ]
    body.extend(form_inputs(profile, RCCA_FIELDS, values, errors))
    data = {"number": ticket.number}
    actions = [
        ExecuteAction(
            title="Save RCCA",
            verb=RCCA_SUBMIT,
            data=data,
            associated_inputs="auto",
            style="positive",
        ),
        ExecuteAction(
            title="Back to the ticket", verb=REFRESH, data=data, associated_inputs="none"
        ),
    ]
    return render(card(body, actions))


def _state(profile: Profile, escalation: Escalation) -> str:
    manager = name_of(profile, escalation.decided_by or "")
    match escalation.status:
        case EscalationStatus.ACCEPTED:
            return f"Accepted by {manager}"
        case EscalationStatus.INFO_REQUESTED:
            return f"Sent back by {manager} for more information"
    return "Waiting for the engineering manager"


def escalation_section(
    profile: Profile, escalation: Escalation, rcca: Rcca | None
) -> list[CardElement]:
    """The ticket card's Engineering escalation: where the handoff stands, and the RCCA."""
    facts = [
        ("Handed off by", name_of(profile, escalation.requested_by)),
        ("Escalation", _state(profile, escalation)),
        ("Engineering owner", name_of(profile, escalation.engineer_id or "")),
        ("Help needed", escalation.handoff.help_needed),
    ]
    if rcca is not None:
        facts += [
            ("Root cause", rcca.root_cause),
            ("Corrective action", rcca.corrective_action),
            ("Preventive action", rcca.preventive_action),
        ]
    else:
        facts.append(("RCCA", "Not recorded yet: needed before it can be resolved"))
    facts = [(title, value) for title, value in facts if value]
    return [
        TextBlock(text="Engineering escalation", weight="Bolder", spacing="Medium"),
        FactSet(facts=[Fact(title=k, value=clip(v, SECTION)) for k, v in facts]),
    ]
