"""Process 6's form: the service request, its fields checked on the server by the same specs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microsoft_teams.cards import CardElement, ExecuteAction

from cards.forms import form_inputs
from cards.render import card, heading, note, render
from cards.service import CANCEL, SUBMIT
from services.profile import Choice, ChoiceSource, FieldKind, FormField, Profile
from services.service_requests.providers import technicians
from services.service_requests.wording import billing_label
from services.service_requests.workflow import approvers

TICKET_PATTERN = r"^\s*#?\s*[A-Za-z]*-?\s*\d+\s*$"


def _approver_names(profile: Profile) -> str:
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
            placeholder="Acme Foods, Newark plant",
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
            help=f"Required for non-billable work: {_approver_names(profile)} decides.",
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


def service_form_card(
    profile: Profile,
    form_id: str,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict:
    """The service request form; after a refused submission, the same form with errors and
    every value kept."""
    values, errors = values or {}, errors or {}
    body: list[CardElement] = [
        heading("Service request"),
        note(f"Non-billable work goes to {_approver_names(profile)} for approval first."),
    ]
    body.extend(form_inputs(profile, service_fields(profile), values, errors))
    data = {"form_id": form_id}
    actions = [
        ExecuteAction(
            title="Request service",
            verb=SUBMIT,
            data=data,
            style="positive",
            associated_inputs="auto",
        ),
        ExecuteAction(title="Cancel", verb=CANCEL, data=data, associated_inputs="none"),
    ]
    return render(card(body, actions))


def service_cancelled_card() -> dict:
    """What replaces the form when the person cancels."""
    return render(card([heading("Service request cancelled"), note("Nothing was requested.")]))
