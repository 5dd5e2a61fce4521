"""What every form card shares: one input per field spec, each with its error or its help.

The server checks answers against the same specs (services.forms), so a refused form comes
back as the same card with each problem under its field and every typed value kept.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from microsoft_teams.cards import (
    CardElement,
    ChoiceSetInput,
    DateInput,
    NumberInput,
    TextBlock,
    TextInput,
    ToggleInput,
)
from microsoft_teams.cards import Choice as CardChoice

from cards.render import note
from services.forms.bounds import characters
from services.profile import FieldKind, FormField, Profile

GENERAL = ""  # the errors key of a refusal that concerns the whole form, not one field
FIX_BANNER = "Please fix the problems below."
_TEXT_STYLES = {FieldKind.EMAIL: "Email", FieldKind.PHONE: "Tel"}

InputMaker = Callable[[Profile, FormField, Any], CardElement]


def _text(value: Any, limit: int | None = None) -> str | None:
    # A value longer than its input allows (typed around the card, or stored before the limit)
    # is cut: the card stays small and can be sent again; the field's error says why.
    return None if value is None else str(value)[:limit]


def _number(value: Any) -> float | None:
    """A number input can only show a number: typed nonsense is shown empty."""
    try:
        number = float(value) if value not in (None, "") else None
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number is not None and math.isfinite(number) else None


def hint(placeholder: str, limit_words: str) -> str:
    """A placeholder that also shows the input's limit: "Acme Foods · up to 255 characters"."""
    return f"{placeholder} · {limit_words}" if placeholder else limit_words.capitalize()


def field_input(profile: Profile, spec: FormField, value: Any) -> CardElement:
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
        low, high = spec.number_range
        return NumberInput(
            **common,
            value=_number(value),
            min=low,
            max=high,
            placeholder=hint(spec.placeholder, f"{low:,} to {high:,}"),
            error_message=spec.number_error,
        )
    if spec.kind is FieldKind.DATE:
        return DateInput(**common, value=_text(value), error_message=required_message)
    limit = spec.text_limit
    return TextInput(
        **common,
        value=_text(value, limit),
        placeholder=hint(spec.placeholder, characters(limit)),
        is_multiline=spec.kind is FieldKind.MULTILINE or None,
        style=_TEXT_STYLES.get(spec.kind),
        regex=spec.pattern,
        error_message=spec.pattern_error or required_message,
        max_length=limit,
    )


def problem(text: str) -> TextBlock:
    """A problem shown in red, right under what it is about."""
    return TextBlock(text=text, color="Attention", wrap=True, size="Small", spacing="None")


def form_inputs(
    profile: Profile,
    specs: Iterable[FormField],
    values: Mapping[str, Any],
    errors: Mapping[str, str],
    *,
    banner: str | None = FIX_BANNER,
    make_input: InputMaker | None = None,
    after: Mapping[str, Sequence[CardElement]] | None = None,
) -> list[CardElement]:
    """The form's inputs, pre-filled, each followed by its error or else its help (and by
    `after[field id]`, e.g. a button that acts on that input)."""
    make = make_input or field_input
    body: list[CardElement] = []
    if errors and banner:
        body.append(TextBlock(text=banner, color="Attention", weight="Bolder", wrap=True))
    if GENERAL in errors:
        body.append(problem(errors[GENERAL]))
    for spec in specs:
        body.append(make(profile, spec, values.get(spec.id)))
        if spec.id in errors:
            body.append(problem(errors[spec.id]))
        elif spec.help:
            body.append(note(spec.help))
        body.extend((after or {}).get(spec.id, ()))
    return body
