"""Cross-reference checks for the ticket flow: priorities, SLA, hours, providers, intake, rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from services.profile.errors import Problem
from services.profile.forms import ChoiceSource, FieldKind, IntakeRule
from services.profile.hours import WEEKDAYS

if TYPE_CHECKING:
    from services.profile.index import Index
    from services.profile.models import Profile


def flow_problems(p: Profile, ix: Index) -> Iterator[Problem]:
    """Problems in how tickets move: every referenced priority, status, field and role exists."""
    yield from _priorities(p, ix)
    yield from _statuses(p, ix)
    yield from _holidays(p)
    yield from _providers(p)
    yield from _intake(p)
    for i, rule in enumerate(p.rules):
        yield from _rule(p, ix, i, rule)


def _priorities(p: Profile, ix: Index) -> Iterator[Problem]:
    defaults = [x.key for x in p.priorities if x.default]
    if len(defaults) != 1:
        found = ", ".join(defaults) or "none"
        yield Problem(("priorities",), f"exactly one priority needs `default = true` ({found})")
    for i, target in enumerate(p.sla.targets):
        if target.priority not in ix.priorities:
            yield Problem(
                ("sla", "targets", i, "priority"), f"unknown priority '{target.priority}'"
            )
    for missing in (x.key for x in p.priorities if x.key not in ix.targets):
        yield Problem(("sla", "targets"), f"no target for priority '{missing}'")
    shortest = min(t.acknowledge for t in p.sla.targets)
    if p.sla.warn_before_breach_minutes >= shortest:
        # A warning due before the ticket even exists would fire on every new ticket.
        yield Problem(
            ("sla", "warn_before_breach_minutes"),
            f"must be shorter than the shortest target ({shortest} minutes)",
        )


def _statuses(p: Profile, ix: Index) -> Iterator[Problem]:
    referenced = [
        (("sla", "paused_statuses", i), key) for i, key in enumerate(p.sla.paused_statuses)
    ] + [
        (("closure", "auto_close_from", i), key) for i, key in enumerate(p.closure.auto_close_from)
    ]
    for loc, key in referenced:
        if key not in ix.statuses:
            yield Problem(loc, f"unknown status '{key}' (known: {', '.join(ix.statuses)})")


def _holidays(p: Profile) -> Iterator[Problem]:
    hours = p.business_hours
    for i, holiday in enumerate(hours.holidays):
        day = WEEKDAYS[holiday.date.weekday()]
        if day not in hours.days:
            # Almost always a wrong date: the observed weekday is the one to list.
            yield Problem(
                ("business_hours", "holidays", i, "date"),
                f"{holiday.date} is a '{day}', not a business day; list the observed date",
            )


def _providers(p: Profile) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    for i, provider in enumerate(p.service.providers if p.service else ()):
        for state in provider.states:
            if state in owner:
                yield Problem(
                    ("service", "providers", i, "states"),
                    f"'{state}' is already served by '{owner[state]}'",
                )
            owner.setdefault(state, provider.key)


def _intake(p: Profile) -> Iterator[Problem]:
    sources = {
        ChoiceSource.ISSUE_TYPES: p.issue_types,
        ChoiceSource.COMPLEXITIES: p.complexities,
        ChoiceSource.PRIORITIES: p.priorities,
    }
    for i, field in enumerate(p.intake):
        if field.choices_from in sources and not sources[field.choices_from]:
            yield Problem(
                ("intake", i, "choices_from"), f"the profile defines no '{field.choices_from}'"
            )


def _rule(p: Profile, ix: Index, i: int, rule: IntakeRule) -> Iterator[Problem]:
    if rule.to_role is not None:
        if rule.to_role not in ix.roles:
            yield Problem(("rules", i, "to_role"), f"unknown role '{rule.to_role}'")
        elif not ix.by_role.get(rule.to_role):
            yield Problem(
                ("rules", i, "to_role"), f"'{rule.to_role}' is held by nobody on the roster"
            )
    if rule.priority is not None and rule.priority not in ix.priorities:
        yield Problem(("rules", i, "priority"), f"unknown priority '{rule.priority}'")
    field = ix.fields.get(rule.field)
    if field is None:
        yield Problem(("rules", i, "field"), f"unknown intake field '{rule.field}'")
        return
    value = rule.equals
    if field.kind is FieldKind.CHOICE:
        keys = [c.key for c in p.choices_for(field)]
        if value not in keys:
            yield Problem(
                ("rules", i, "equals"),
                f"{value!r} is not a choice of '{field.id}' ({', '.join(keys)})",
            )
    elif field.kind is FieldKind.TOGGLE:
        if not isinstance(value, bool):
            yield Problem(("rules", i, "equals"), f"'{field.id}' is a toggle: use true or false")
    elif field.kind is FieldKind.NUMBER:
        if isinstance(value, bool | str):
            yield Problem(("rules", i, "equals"), f"'{field.id}' is a number field: use a number")
    elif not isinstance(value, str):
        yield Problem(("rules", i, "equals"), f"'{field.id}' is a {field.kind} field: use a string")
