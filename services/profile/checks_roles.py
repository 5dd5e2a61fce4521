"""Checks of the roles the code depends on: of statuses, intake fields and process steps."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from services.profile.errors import Problem
from services.profile.forms import ChoiceSource, FieldKind, FieldRole
from services.profile.policy import ASSIGNEE
from services.profile.statuses import DONE, REQUIRED_ROLES, ZENDESK_DONE

if TYPE_CHECKING:
    from services.profile.index import Index
    from services.profile.models import Profile

K = FieldKind
_TEXT = frozenset({K.TEXT})
# The kinds each field role may take; a choice role also names the list its keys come from.
_FIELD_KINDS: dict[FieldRole, frozenset[FieldKind]] = {
    FieldRole.SUBJECT: _TEXT,
    FieldRole.DESCRIPTION: frozenset({K.TEXT, K.MULTILINE}),
    FieldRole.COMPANY: _TEXT,
    FieldRole.CONTACT_NAME: _TEXT,
    FieldRole.CONTACT_EMAIL: frozenset({K.EMAIL, K.TEXT}),
    FieldRole.CONTACT_PHONE: frozenset({K.PHONE, K.TEXT}),
    FieldRole.MACHINE_MODEL: _TEXT,
    FieldRole.SERIAL_NUMBER: _TEXT,
}
_FIELD_SOURCES: dict[FieldRole, ChoiceSource] = {
    FieldRole.PRIORITY: ChoiceSource.PRIORITIES,
    FieldRole.ISSUE_TYPE: ChoiceSource.ISSUE_TYPES,
    FieldRole.COMPLEXITY: ChoiceSource.COMPLEXITIES,
    FieldRole.SITE_STATE: ChoiceSource.US_STATES,
}
# A ticket's description, and its subject when no field plays that role, come from this one.
REQUIRED_FIELD_ROLES: tuple[FieldRole, ...] = (FieldRole.DESCRIPTION,)


def role_problems(p: Profile, ix: Index) -> Iterator[Problem]:
    """Every problem with the roles the profile gives its statuses, fields and process steps."""
    yield from _once("statuses", [s.role for s in p.statuses])
    yield from _statuses(p)
    yield from _once("intake", [f.role for f in p.intake])
    yield from _fields(p)
    yield from _once("processes", [x.role for x in p.processes])
    yield from _processes(p, ix)


def _once(section: str, roles: Iterable[object]) -> Iterator[Problem]:
    # The code looks each role up and takes one entry: a second would be silently ignored.
    first: dict[object, int] = {}
    for i, role in enumerate(roles):
        if role is None:
            continue
        if role in first:
            yield Problem(
                (section, i, "role"), f"'{role}' is already the role of {section}[{first[role]}]"
            )
        first.setdefault(role, i)


def _statuses(p: Profile) -> Iterator[Problem]:
    played = {s.role for s in p.statuses}
    for role in REQUIRED_ROLES:
        if role not in played:
            needed = ", ".join(REQUIRED_ROLES)
            yield Problem(
                ("statuses",), f"no status has the role '{role}' (every desk needs {needed})"
            )
    for i, status in enumerate(p.statuses):
        done = status.role in DONE
        if done != (status.zendesk in ZENDESK_DONE):
            wanted = "solved or closed" if done else "new, open, pending or hold"
            yield Problem(
                ("statuses", i, "zendesk"),
                f"the '{status.role}' role is Zendesk {wanted}, not '{status.zendesk}'",
            )


def _fields(p: Profile) -> Iterator[Problem]:
    played = {f.role for f in p.intake}
    for role in REQUIRED_FIELD_ROLES:
        if role not in played:
            yield Problem(("intake",), f"no field has the role '{role}' (a ticket needs one)")
    for i, field in enumerate(p.intake):
        if field.role in _FIELD_SOURCES:
            source = _FIELD_SOURCES[field.role]
            if field.choices_from is not source:
                yield Problem(
                    ("intake", i, "role"),
                    f"the '{field.role}' role takes a choice field from '{source}'",
                )
        elif field.role is not None and field.kind not in _FIELD_KINDS[field.role]:
            kinds = " or ".join(sorted(_FIELD_KINDS[field.role]))
            yield Problem(
                ("intake", i, "role"),
                f"the '{field.role}' role takes a {kinds} field, not '{field.kind}'",
            )


def _processes(p: Profile, ix: Index) -> Iterator[Problem]:
    for i, step in enumerate(p.processes):
        if step.role is None or step.owner == ASSIGNEE or step.owner not in ix.people:
            continue
        needed = step.role.capability
        if needed not in ix.capabilities.get(step.owner, frozenset()):
            yield Problem(
                ("processes", i, "owner"),
                f"'{step.owner}' owns the '{step.role}' step, whose work the bot sends to them, "
                f"but no role of theirs grants '{needed}'",
            )
