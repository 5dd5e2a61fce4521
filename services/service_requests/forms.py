"""The service request form, as field specs: the card is drawn from them, answers checked by them.

What one field cannot say alone (dates in order, a reason for non-billable work, a technician
where our own staff go) is checked by services.service_requests.workflow.draft_problems.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from services.profile import Choice, ChoiceSource, FieldKind, FormField, Profile
from services.service_requests.model import Billing, ServiceDraft
from services.service_requests.providers import technicians
from services.service_requests.wording import billing_label
from services.service_requests.workflow import approvers

TICKET_PATTERN = r"^\s*#?\s*[A-Za-z]*-?\s*\d+\s*$"


def approver_names(profile: Profile) -> str:
    """Who decides on non-billable work: "Allison", or "A or B"."""
    return " or ".join(p.name for p in approvers(profile)) or "the engineering manager"


def _coverage(profile: Profile) -> str:
    """Which provider serves which states, and who goes elsewhere."""
    if profile.service is None:
        return "No 3rd-party providers: our own staff go everywhere."
    served = [f"{p.name}: {', '.join(p.states)}" for p in profile.service.providers]
    return " · ".join([*served, f"anywhere else: {profile.service.in_house}"])


def service_fields(profile: Profile) -> tuple[FormField, ...]:
    """The form's fields: the card is drawn from them and the server checks answers by them."""
    billing = (
        Choice(key="billable", label=billing_label(profile, "billable")),
        Choice(
            key="non_billable", label=f"{billing_label(profile, 'non_billable')} (needs approval)"
        ),
    )
    people = tuple(Choice(key=p.id, label=f"{p.name} — {p.title}") for p in technicians(profile))
    specs = [
        FormField(
            id="site",
            label="Site (customer and location)",
            kind=FieldKind.TEXT,
            required=True,
            placeholder="Site name, e.g. Acme Foods, Newark plant",
        ),
        FormField(
            id="site_state",
            label="Site state",
            kind=FieldKind.CHOICE,
            required=True,
            choices_from=ChoiceSource.US_STATES,
            help=_coverage(profile),
        ),
        FormField(id="start_date", label="First day on site", kind=FieldKind.DATE, required=True),
        FormField(id="end_date", label="Last day on site", kind=FieldKind.DATE, required=True),
        FormField(
            id="billing", label="Billing", kind=FieldKind.CHOICE, required=True, choices=billing
        ),
        FormField(
            id="billing_reason",
            label="Why billable or non-billable",
            kind=FieldKind.MULTILINE,
            help=f"Required for non-billable work: {approver_names(profile)} decides.",
        ),
        FormField(id="scope", label="Scope of work", kind=FieldKind.MULTILINE, required=True),
    ]
    if people:
        specs.append(
            FormField(
                id="technician",
                label="Technician (when our own staff go)",
                kind=FieldKind.CHOICE,
                choices=people,
                help="Needed where no provider serves the state; they are told in Teams.",
            )
        )
    specs.append(
        FormField(
            id="ticket",
            label="Related ticket (optional)",
            kind=FieldKind.TEXT,
            pattern=TICKET_PATTERN,
            pattern_error="Give a ticket number like BP-1001, or leave it empty.",
            help="Each step of the request lands in the ticket's timeline.",
        )
    )
    return tuple(specs)


def service_draft(values: dict[str, Any], ticket_number: str | None) -> ServiceDraft:
    """The draft that checked answers make (`values` passed `service_fields`' checks)."""
    return ServiceDraft(
        site=values["site"],
        site_state=values["site_state"],
        start_date=date.fromisoformat(values["start_date"]),
        end_date=date.fromisoformat(values["end_date"]),
        billing=Billing(values["billing"]),
        scope=values["scope"],
        billing_reason=values.get("billing_reason", ""),
        technician_id=values.get("technician"),
        ticket_number=ticket_number,
    )
