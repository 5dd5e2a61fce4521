"""The intake form (process 1), built from the profile's intake fields.

The serial number and company inputs search BP Search as the person types (cards.typeahead),
each with a "Fill from BP Search" button under it. Adaptive Cards check every required input
before any button that sends the inputs, so the form marks required fields in their labels
rather than with `isRequired`: otherwise Fill could not be pressed on the half-empty form it is
meant to fill. The server checks every field on File as before (services.forms) and brings the
form back with each problem under its field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from microsoft_teams.cards import (
    CardElement,
    ExecuteAction,
    Fact,
    FactSet,
)

from cards.fit import RecordLink, fact_pairs, subject
from cards.forms import field_input, form_inputs
from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from cards.typeahead import fill_button, typeahead_input
from services.installed_base.picks import as_typed
from services.profile import FieldKind, FieldRole, FormField, Profile
from services.tickets import Ticket
from services.tickets.describe import facts

SUBMIT_VERB = "intake.submit"
CANCEL_VERB = "intake.cancel"
FILL_VERB = "intake.fill"
MACHINES = "bp.machines"  # the typeahead datasets (application/search), answered by dialogs
CUSTOMERS = "bp.customers"
# The inputs that search BP Search: dataset, what the Fill under it looks up, placeholder.
TYPEAHEADS = {
    FieldRole.SERIAL_NUMBER: (MACHINES, "machine", "Type part of the serial, then pick it"),
    FieldRole.COMPANY: (CUSTOMERS, "customer", "Type part of the name, then pick it"),
}


def _label(spec: FormField) -> str:
    # A toggle always has a value: only what can be left empty says it must not be.
    needed = spec.required and spec.kind is not FieldKind.TOGGLE
    return f"{spec.label} (required)" if needed else spec.label


def intake_input(profile: Profile, spec: FormField, value: Any) -> CardElement:
    """One intake input: a BP Search typeahead for the serial and company, else the field's
    usual input; required in its label, not with `isRequired` (see the module's docstring)."""
    if spec.role in TYPEAHEADS:
        dataset, _, placeholder = TYPEAHEADS[spec.role]
        return typeahead_input(spec, value, dataset, placeholder, _label(spec))
    return typed_input(profile, spec, value)


def typed_input(profile: Profile, spec: FormField, value: Any) -> CardElement:
    """One intake input as the field's usual input (no typeahead), required in its label;
    a BP Search pick shows as its text."""
    shown = as_typed(value) if spec.role in TYPEAHEADS else value
    made = field_input(profile, spec, shown)
    return made.model_copy(update={"is_required": None, "label": _label(spec)})


def _fill_buttons(profile: Profile, form_id: str) -> dict[str, list[CardElement]]:
    buttons: dict[str, list[CardElement]] = {}
    for role, (_, source, _) in TYPEAHEADS.items():
        spec = profile.field_for(role)
        if spec is not None:
            data = {"form_id": form_id, "source": source}
            buttons[spec.id] = [fill_button(FILL_VERB, data)]
    return buttons


def intake_form_card(
    profile: Profile,
    form_id: str,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    *,
    similar: Sequence[CardElement] = (),
    notice: str | None = None,
    typeahead: bool = True,
) -> dict:
    """The intake form; after a refused submission, the same form with errors and values kept.

    `similar` (solved problems like this one, process 7) goes on top; the form then files
    with "File anyway", marked as having shown them. `notice`: what Fill from BP Search did.
    `typeahead` off: the serial and company are plain text inputs (Fill still looks them up).
    """
    values, errors = values or {}, errors or {}
    body: list[CardElement] = [
        heading("New support ticket"),
        note("Capture what the customer tells you; triage checks it within one business hour."),
        *([note(notice, subtle=False)] if notice else []),
        *similar,
    ]
    body.extend(
        form_inputs(
            profile,
            profile.intake,
            values,
            errors,
            banner=f"Please fix {len(errors)} field{'s' if len(errors) > 1 else ''} below.",
            make_input=intake_input if typeahead else typed_input,
            after=_fill_buttons(profile, form_id),
        )
    )
    actions = [
        ExecuteAction(
            title="File anyway" if similar else "File ticket",
            verb=SUBMIT_VERB,
            data={"form_id": form_id, **({"seen_suggestions": True} if similar else {})},
            associated_inputs="auto",
            style="positive",
        ),
        ExecuteAction(
            title="Cancel", verb=CANCEL_VERB, data={"form_id": form_id}, associated_inputs="none"
        ),
    ]
    return render(card(body, actions))


ALREADY_FILED = "This form was already submitted; this is the ticket it created."


def with_priority_reason(pairs: list[tuple[str, str]], reason: str | None) -> list[tuple[str, str]]:
    """The facts with the priority's reason beside it ("Urgent — suggested from Machine down")."""
    if not reason:
        return pairs
    return [(k, f"{v} — {reason}" if k == "Priority" else v) for k, v in pairs]


def intake_summary_card(
    profile: Profile,
    ticket: Ticket,
    *,
    already_filed: bool = False,
    similar: Sequence[CardElement] = (),
    priority_reason: str | None = None,
    link: RecordLink | None = None,
) -> dict:
    """What replaces the form once the ticket exists: read-only, with the acknowledgement due.

    `similar`: solved problems that may be related (process 7), shown below the ticket;
    `priority_reason`: why the ticket has its priority, when the rules set it, not the filer.
    """
    body: list[CardElement] = [heading(f"Filed {subject(ticket, link)}")]
    if already_filed:
        body.append(note(ALREADY_FILED))
    pairs = fact_pairs(with_priority_reason(facts(profile, ticket), priority_reason))
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in pairs]))
    # The triage card goes out after this answer: on its way, not yet seen.
    body.append(note("On its way to triage; the acknowledgement is due by the time above."))
    body.extend(similar)
    open_it = ExecuteAction(title="Open ticket", verb=REFRESH, data={"number": ticket.number})
    return render(card(body, [open_it]))


def intake_cancelled_card() -> dict:
    """What replaces the form when the person cancels: nothing was filed."""
    return render(card([heading("Intake cancelled"), note("Nothing was filed.")]))
