"""Server-side checks of form answers against the profile's field definitions.

The card validates too (isRequired, regex), but card data is written by the client: the
server repeats every check, converts each answer to its type, and says what is wrong in the
words the card would have used, so the same card can come back with the errors shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from services.profile import FieldKind, IntakeField, Profile

MAX_TEXT = 4000  # a description longer than this belongs in an attachment, not a form field
MAX_LINE = 255
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


def _convert(profile: Profile, spec: IntakeField, raw: Any) -> Any:
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
        try:
            number = float(raw)
        except (TypeError, ValueError):
            raise ValueError("Enter a number.") from None
        return int(number) if number.is_integer() else number
    if kind is FieldKind.DATE:
        try:
            return date.fromisoformat(str(raw)).isoformat()
        except ValueError:
            raise ValueError("Enter a date as YYYY-MM-DD.") from None
    text = str(raw).strip()
    limit = MAX_TEXT if kind is FieldKind.MULTILINE else MAX_LINE
    if len(text) > limit:
        raise ValueError(f"Keep this under {limit} characters.")
    if spec.pattern and not re.fullmatch(spec.pattern, text):
        raise ValueError(spec.pattern_error or "This does not look right.")
    return text


def check_answers(
    profile: Profile, fields: Iterable[IntakeField], raw: Mapping[str, Any]
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
