"""The intake form and the rules that react to its answers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum

from pydantic import StrictBool, model_validator

from services.forms.bounds import LINE, NUMBERS, TEXT
from services.profile.base import Frozen, Slug, Text


class FieldKind(StrEnum):
    """How a field is entered; the card builder maps each kind to an input."""

    TEXT = "text"
    MULTILINE = "multiline"
    CHOICE = "choice"
    TOGGLE = "toggle"
    NUMBER = "number"
    DATE = "date"
    EMAIL = "email"
    PHONE = "phone"


class ChoiceSource(StrEnum):
    """Profile lists a choice field can take its options from instead of listing them."""

    ISSUE_TYPES = "issue_types"
    COMPLEXITIES = "complexities"
    PRIORITIES = "priorities"
    US_STATES = "us_states"


class FieldRole(StrEnum):
    """What the code reads an intake answer as; answers of fields without one feed the rules."""

    SUBJECT = "subject"  # else the description's first line
    DESCRIPTION = "description"
    PRIORITY = "priority"  # else the rules' suggestion
    ISSUE_TYPE = "issue_type"
    COMPLEXITY = "complexity"
    COMPANY = "company"
    CONTACT_NAME = "contact_name"
    CONTACT_EMAIL = "contact_email"
    CONTACT_PHONE = "contact_phone"
    MACHINE_MODEL = "machine_model"
    SERIAL_NUMBER = "serial_number"
    SITE_STATE = "site_state"  # who goes on site: a 3rd-party provider or in-house staff


_PATTERNED = {FieldKind.TEXT, FieldKind.MULTILINE, FieldKind.PHONE, FieldKind.EMAIL}
_TYPED = _PATTERNED  # the kinds whose answer is free text, so they have a length limit


class Choice(Frozen):
    """One option of a choice field."""

    key: Slug
    label: Text


class FormField(Frozen):
    """One question on a form; on the intake form, `role` says what the code reads it as."""

    id: Slug
    label: Text
    kind: FieldKind
    role: FieldRole | None = None
    required: bool = False
    choices: tuple[Choice, ...] = ()
    choices_from: ChoiceSource | None = None
    pattern: str | None = None
    pattern_error: str | None = None
    placeholder: str = ""
    help: str = ""
    max_length: int | None = None  # text kinds; default: one line, or TEXT for multiline
    minimum: int | None = None  # number fields; default: services.forms.bounds.NUMBERS
    maximum: int | None = None
    range_error: str | None = None  # shown for a number outside them (default: the range)

    @property
    def text_limit(self) -> int:
        """The most characters a text answer may have (the card's maxLength, the server's check)."""
        default = TEXT if self.kind is FieldKind.MULTILINE else LINE
        return self.max_length or default

    @property
    def number_range(self) -> tuple[int, int]:
        """The smallest and largest answer a number field accepts."""
        low = NUMBERS[0] if self.minimum is None else self.minimum
        high = NUMBERS[1] if self.maximum is None else self.maximum
        return low, high

    @property
    def number_error(self) -> str:
        """What a number outside the range is told."""
        low, high = self.number_range
        return self.range_error or f"Enter a number from {low:,} to {high:,}."

    @model_validator(mode="after")
    def _consistent(self) -> FormField:
        is_choice = self.kind is FieldKind.CHOICE
        if is_choice and bool(self.choices) == bool(self.choices_from):
            raise ValueError("a choice field needs exactly one of `choices` or `choices_from`")
        if not is_choice and (self.choices or self.choices_from):
            raise ValueError(f"only choice fields take choices, this one is '{self.kind}'")
        keys = [c.key for c in self.choices]
        if len(set(keys)) != len(keys):
            raise ValueError(f"choice keys repeat: {', '.join(keys)}")
        if self.pattern is not None:
            self._check_pattern(self.pattern)
        self._check_bounds()
        return self

    def _check_bounds(self) -> None:
        if self.max_length is not None:
            if self.kind not in _TYPED:
                raise ValueError(f"`max_length` does not apply to '{self.kind}' fields")
            if not 1 <= self.max_length <= TEXT:
                raise ValueError(f"`max_length` is 1 to {TEXT} (a form field, not a document)")
        bounded = self.minimum is not None or self.maximum is not None or bool(self.range_error)
        if bounded and self.kind is not FieldKind.NUMBER:
            raise ValueError(f"number ranges apply to number fields, not '{self.kind}'")
        low, high = self.number_range
        if low > high:
            raise ValueError(f"`minimum` {low} is above `maximum` {high}")

    def _check_pattern(self, pattern: str) -> None:
        if self.kind not in _PATTERNED:
            raise ValueError(f"`pattern` does not apply to '{self.kind}' fields")
        if not self.pattern_error:
            raise ValueError("`pattern` needs a `pattern_error` to show the user")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None


class RuleAction(StrEnum):
    """What an intake rule does when it fires."""

    ESCALATE = "escalate"  # tell `to_role` or `to_team` at once, on filing
    SET_PRIORITY = "set_priority"  # suggest `priority` to whoever triages


# `to_team = "routed"`: the team the profile's [[team_routing]] picks for the ticket's answers.
ROUTED = "routed"


class IntakeRule(Frozen):
    """When intake field `field` equals `equals`, take `action`.

    An escalation tells the holders of `to_role`, or the members of `to_team`, when the ticket
    is filed; its `priority`, if any, is the ticket's (so the SLA's target for it applies).
    """

    id: Slug
    field: Slug
    # StrictBool first so a TOML `true` stays a bool instead of becoming 1.
    equals: StrictBool | int | float | str
    action: RuleAction
    to_role: Slug | None = None
    to_team: Slug | None = None
    priority: Slug | None = None
    note: str = ""

    @model_validator(mode="after")
    def _action_target(self) -> IntakeRule:
        escalates = self.action is RuleAction.ESCALATE
        targets = (self.to_role is not None) + (self.to_team is not None)
        if escalates and targets != 1:
            raise ValueError("'escalate' needs exactly one of `to_role` or `to_team`")
        if not escalates and targets:
            raise ValueError("`to_role` and `to_team` are only allowed with 'escalate'")
        if not escalates and self.priority is None:
            raise ValueError("`priority` is required for 'set_priority'")
        return self

    def matches(self, answers: Mapping[str, object]) -> bool:
        """True if the intake answers trigger this rule."""
        if self.field not in answers:
            return False
        value = answers[self.field]
        # bool is an int in Python; keep a toggle's True from matching a number rule's 1.
        if isinstance(value, bool) != isinstance(self.equals, bool):
            return False
        return value == self.equals
