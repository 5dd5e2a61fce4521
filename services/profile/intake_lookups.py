"""A profile's lookups of intake fields, their choices and the intake rules answers trigger."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from services.profile.base import US_STATES
from services.profile.forms import (
    Choice,
    ChoiceSource,
    FieldRole,
    FormField,
    IntakeRule,
    RuleAction,
)
from services.profile.states import STATE_NAMES, state_label

if TYPE_CHECKING:
    from services.profile.index import Index
    from services.profile.routing import Complexity, IssueType
    from services.profile.sla import Priority

# By name, as people look for them: "Ohio (OH)"; the key stays the code.
_STATE_CHOICES = tuple(
    Choice(key=code.lower(), label=state_label(code))
    for code in sorted(US_STATES, key=lambda c: STATE_NAMES[c])
)


class IntakeLookups:
    """Part of Profile: what intake asks, what it offers, and what the answers set off."""

    if TYPE_CHECKING:  # provided by Profile's fields, its validated index and StatusLookups
        _ix: Index
        issue_types: tuple[IssueType, ...]
        complexities: tuple[Complexity, ...]
        priorities: tuple[Priority, ...]
        rules: tuple[IntakeRule, ...]
        default_priority: Priority

        def priority(self, key: str) -> Priority: ...

    def intake_field(self, field_id: str) -> FormField:
        """The intake field with this id; KeyError if undefined."""
        return self._ix.fields[field_id]

    def field_for(self, role: FieldRole) -> FormField | None:
        """The intake field playing `role`; None if the intake asks no such question."""
        return self._ix.field_roles.get(role)

    def choices_for(self, field: FormField | str) -> tuple[Choice, ...]:
        """The options of a choice field, resolving `choices_from` against this profile."""
        spec = field if isinstance(field, FormField) else self.intake_field(field)
        source = spec.choices_from
        if source is None:
            return spec.choices
        if source is ChoiceSource.US_STATES:
            return _STATE_CHOICES
        listed = {
            ChoiceSource.ISSUE_TYPES: self.issue_types,
            ChoiceSource.COMPLEXITIES: self.complexities,
            ChoiceSource.PRIORITIES: sorted(self.priorities, key=lambda x: x.rank),
        }[source]
        return tuple(Choice(key=item.key, label=item.label) for item in listed)

    def rule(self, rule_id: str) -> IntakeRule:
        """The intake rule with this id; KeyError if undefined."""
        return self._ix.rules[rule_id]

    def matching_rules(self, answers: Mapping[str, object]) -> tuple[IntakeRule, ...]:
        """Intake rules the answers trigger, in profile order."""
        return tuple(r for r in self.rules if r.matches(answers))

    def escalations_for(self, answers: Mapping[str, object]) -> tuple[IntakeRule, ...]:
        """Matching rules that escalate at once (each names the role to escalate to)."""
        return tuple(r for r in self.matching_rules(answers) if r.action is RuleAction.ESCALATE)

    def priority_rule(self, answers: Mapping[str, object]) -> IntakeRule | None:
        """The matching rule that suggests the most urgent priority; None: the default applies."""
        # An escalation may set a priority too (production: the SLA's tightest target).
        rules = [r for r in self.matching_rules(answers) if r.priority]
        return min(rules, key=lambda r: self.priority(r.priority or "").rank, default=None)

    def suggested_priority(self, answers: Mapping[str, object]) -> Priority:
        """The most urgent priority a matching rule suggests, else the default priority."""
        rule = self.priority_rule(answers)
        return self.default_priority if rule is None else self.priority(rule.priority or "")
