"""The intake form and the rules that react to its answers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum

from pydantic import StrictBool, model_validator

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


_PATTERNED = {FieldKind.TEXT, FieldKind.MULTILINE, FieldKind.PHONE, FieldKind.EMAIL}


class Choice(Frozen):
    """One option of a choice field."""

    key: Slug
    label: Text


class IntakeField(Frozen):
    """One question on the intake form."""

    id: Slug
    label: Text
    kind: FieldKind
    required: bool = False
    choices: tuple[Choice, ...] = ()
    choices_from: ChoiceSource | None = None
    pattern: str | None = None
    pattern_error: str | None = None
    placeholder: str = ""
    help: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> IntakeField:
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
        return self

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

    ESCALATE = "escalate"  # hand to `to_role` at once, skipping normal assignment
    SET_PRIORITY = "set_priority"  # suggest `priority` to whoever triages


class IntakeRule(Frozen):
    """When intake field `field` equals `equals`, take `action`."""

    id: Slug
    field: Slug
    # StrictBool first so a TOML `true` stays a bool instead of becoming 1.
    equals: StrictBool | int | float | str
    action: RuleAction
    to_role: Slug | None = None
    priority: Slug | None = None
    note: str = ""

    @model_validator(mode="after")
    def _action_target(self) -> IntakeRule:
        wants_role = self.action is RuleAction.ESCALATE
        if wants_role != (self.to_role is not None):
            raise ValueError("`to_role` is required for 'escalate' and only allowed there")
        if (not wants_role) != (self.priority is not None):
            raise ValueError("`priority` is required for 'set_priority' and only allowed there")
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
