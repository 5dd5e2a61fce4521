"""Server-side checks of form answers against the profile's field definitions.

The card validates too (isRequired, regex), but card data is written by the client: the
server repeats every check, converts each answer to its type, and says what is wrong in the
words the card would have used, so the same card can come back with the errors shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from services.forms.bounds import LINE, TEXT
from services.profile import FieldKind, FormField, Profile

MAX_TEXT, MAX_LINE = TEXT, LINE  # the default limits of a multiline and a one-line field
TRUE, FALSE = "true", "false"  # what the card's toggles send (valueOn / valueOff)


@dataclass
class FormCheck:
    """Typed answers and, per field id, what is wrong with the rest."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """No field has an error."""
        return not self.errors


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _convert(profile: Profile, spec: FormField, raw: Any) -> Any:
    """The typed answer, or ValueError with the message the person sees."""
    kind = spec.kind
    if kind is FieldKind.TOGGLE:
        if isinstance(raw, bool):
            return raw
        if str(raw).lower() in (TRUE, FALSE):
            return str(raw).lower() == TRUE
        raise ValueError("Choose yes or no.")
    if kind is FieldKind.CHOICE:
        keys = {c.key for c in profile.choices_for(spec)}
        if str(raw) not in keys:
            raise ValueError(f"Choose one of the options listed for {spec.label}.")
        return str(raw)
    if kind is FieldKind.NUMBER:
        return _number(spec, raw)
    if kind is FieldKind.DATE:
        try:
            return date.fromisoformat(str(raw)).isoformat()
        except ValueError:
            raise ValueError("Enter a date as YYYY-MM-DD.") from None
    text = str(raw).strip()
    if len(text) > spec.text_limit:
        raise ValueError(f"Keep this under {spec.text_limit} characters.")
    if spec.pattern and not re.fullmatch(spec.pattern, text):
        raise ValueError(spec.pattern_error or "This does not look right.")
    return text


def _number(spec: FormField, raw: Any) -> int | float:
    try:
        number = float(raw)
    except (TypeError, ValueError, OverflowError):
        raise ValueError("Enter a number.") from None
    if isinstance(raw, bool) or not math.isfinite(number):
        raise ValueError("Enter a number.")
    low, high = spec.number_range
    if not low <= number <= high:
        raise ValueError(spec.number_error)
    return int(number) if number.is_integer() else number


def check_answers(
    profile: Profile, fields: Iterable[FormField], raw: Mapping[str, Any]
) -> FormCheck:
    """Check every field's answer; unknown keys in `raw` are ignored (they are not ours)."""
    check = FormCheck()
    for spec in fields:
        answer = raw.get(spec.id)
        if _blank(answer):
            if spec.required:
                check.errors[spec.id] = f"{spec.label} is required."
            continue
        try:
            check.values[spec.id] = _convert(profile, spec, answer)
        except ValueError as error:
            check.errors[spec.id] = str(error)
    return check
