"""The intake form (process 1), built from the profile's intake fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from microsoft_teams.cards import (
    CardElement,
    ChoiceSetInput,
    DateInput,
    ExecuteAction,
    Fact,
    FactSet,
    NumberInput,
    TextBlock,
    TextInput,
    ToggleInput,
)
from microsoft_teams.cards import Choice as CardChoice

from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from services.profile import FieldKind, IntakeField, Profile
from services.tickets import Ticket
from services.tickets.describe import facts

SUBMIT_VERB = "intake.submit"
CANCEL_VERB = "intake.cancel"
_TEXT_STYLES = {FieldKind.EMAIL: "Email", FieldKind.PHONE: "Tel"}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def field_input(profile: Profile, spec: IntakeField, value: Any) -> CardElement:
    """The Adaptive Card input for one profile field, pre-filled with `value`."""
    common = dict(id=spec.id, label=spec.label, is_required=spec.required or None)
    required_message = f"{spec.label} is required." if spec.required else None
    if spec.kind is FieldKind.CHOICE:
        return ChoiceSetInput(
            **common,
            choices=[CardChoice(title=c.label, value=c.key) for c in profile.choices_for(spec)],
            style="compact",
            value=_text(value),
            placeholder=spec.placeholder or "Choose…",
            error_message=required_message,
        )
    if spec.kind is FieldKind.TOGGLE:
        on = value is True or str(value).lower() == "true"
        return ToggleInput(
            id=spec.id,
            label=spec.label,
            title="Yes",
            value="true" if on else "false",
            value_on="true",
            value_off="false",
        )
    if spec.kind is FieldKind.NUMBER:
        return NumberInput(
            **common,
            value=value,
            placeholder=spec.placeholder or None,
            error_message=required_message,
        )
    if spec.kind is FieldKind.DATE:
        return DateInput(**common, value=_text(value), error_message=required_message)
    return TextInput(
        **common,
        value=_text(value),
        placeholder=spec.placeholder or None,
        is_multiline=spec.kind is FieldKind.MULTILINE or None,
        style=_TEXT_STYLES.get(spec.kind),
        regex=spec.pattern,
        error_message=spec.pattern_error or required_message,
        max_length=4000 if spec.kind is FieldKind.MULTILINE else 255,
    )


def _problem(text: str) -> TextBlock:
    return TextBlock(text=text, color="Attention", wrap=True, size="Small", spacing="None")


def intake_form_card(
    profile: Profile,
    form_id: str,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
    *,
    similar: Sequence[CardElement] = (),
) -> dict:
    """The intake form; after a refused submission, the same form with errors and values kept.

    `similar` (solved problems like this one, process 7) goes on top; the form then files
    with "File anyway", marked as having shown them.
    """
    values, errors = values or {}, errors or {}
    body: list[CardElement] = [
        heading("New support ticket"),
        note("Capture what the customer tells you; triage checks it within one business hour."),
        *similar,
    ]
    if errors:
        body.append(
            TextBlock(
                text=f"Please fix {len(errors)} field{'s' if len(errors) > 1 else ''} below.",
                color="Attention",
                weight="Bolder",
                wrap=True,
            )
        )
    for spec in profile.intake:
        body.append(field_input(profile, spec, values.get(spec.id)))
        if spec.id in errors:
            body.append(_problem(errors[spec.id]))
        elif spec.help:
            body.append(note(spec.help))
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


def intake_summary_card(profile: Profile, ticket: Ticket, *, already_filed: bool = False) -> dict:
    """What replaces the form once the ticket exists: read-only, with the acknowledgement due."""
    body: list[CardElement] = [heading(f"Filed {ticket.number} · {ticket.subject}")]
    if already_filed:
        body.append(note("This form was already submitted; this is the ticket it created."))
    body.append(FactSet(facts=[Fact(title=k, value=v) for k, v in facts(profile, ticket)]))
    body.append(note("Triage has been told; the acknowledgement is due by the time above."))
    open_it = ExecuteAction(title="Open ticket", verb=REFRESH, data={"number": ticket.number})
    return render(card(body, [open_it]))


def intake_cancelled_card() -> dict:
    """What replaces the form when the person cancels: nothing was filed."""
    return render(card([heading("Intake cancelled"), note("Nothing was filed.")]))
