"""Helper teams: who a ticket's owner pulls in, and which intake answers route a ticket to them.

A team is the people holding some roles (Kinetic Data's DevOps, Engineering, Delivery...): they
help, the ticket's owner stays its owner. `[[team_routing]]` entries are read in order and the
first whose answers match names the team; none matching means the owner decides.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from services.profile.base import Frozen, Slug, Text, duplicates
from services.profile.errors import Loc, Problem
from services.profile.forms import ROUTED, FieldKind

if TYPE_CHECKING:
    from services.profile.index import Index
    from services.profile.models import Profile

Value = Annotated[str, Field(min_length=1, max_length=255)]
Values = Annotated[tuple[Value, ...], Field(min_length=1)]


class Team(Frozen):
    """A team that helps on tickets: everyone holding one of `roles`, and what they help with."""

    key: Slug
    label: Text
    roles: tuple[Slug, ...] = Field(min_length=1)
    help: str = ""


class TeamRoute(Frozen):
    """When intake field `field` is one of `values` (and each `when` field one of its values),
    the ticket's team is `team`."""

    field: Slug
    values: Values
    team: Slug
    when: dict[Slug, Values] = Field(default_factory=dict)
    note: str = ""

    def matches(self, answers: Mapping[str, object]) -> bool:
        """True if the answers route the ticket to this entry's team."""
        conditions = {self.field: self.values, **self.when}
        return all(_answered(answers.get(key)) in values for key, values in conditions.items())


def _answered(value: object) -> str | None:
    # Choice answers are keys; a text answer is matched as typed, without outer blanks.
    return value.strip() if isinstance(value, str) else None


def team_problems(p: Profile, ix: Index) -> Iterator[Problem]:
    """Every team names known roles someone holds; every route a team, fields and their choices."""
    yield from duplicates(("teams",), "key", (t.key for t in p.teams), "team")
    for i, team in enumerate(p.teams):
        if team.key == ROUTED:
            yield Problem(("teams", i, "key"), f"'{ROUTED}' is reserved for rules' `to_team`")
        for role in team.roles:
            if role not in ix.roles:
                known = ", ".join(sorted(ix.roles))
                yield Problem(("teams", i, "roles"), f"unknown role '{role}' (known: {known})")
            elif not ix.by_role.get(role):
                # A team nobody is in would be told of tickets and never hear.
                yield Problem(("teams", i, "roles"), f"'{role}' is held by nobody on the roster")
    for i, route in enumerate(p.team_routing):
        if route.team not in ix.teams:
            known = ", ".join(t.key for t in p.teams) or "none defined"
            yield Problem(
                ("team_routing", i, "team"), f"unknown team '{route.team}' (known: {known})"
            )
        yield from _values(p, ix, ("team_routing", i), route.field, route.values)
        for field, values in route.when.items():
            yield from _values(p, ix, ("team_routing", i, "when", field), field, values, at=())
    yield from _rule_teams(p, ix)


def _rule_teams(p: Profile, ix: Index) -> Iterator[Problem]:
    for i, rule in enumerate(p.rules):
        if rule.to_team is None:
            continue
        if rule.to_team == ROUTED and not p.team_routing:
            yield Problem(
                ("rules", i, "to_team"), f"'{ROUTED}' needs [[team_routing]] entries to pick a team"
            )
        elif rule.to_team != ROUTED and rule.to_team not in ix.teams:
            known = ", ".join([ROUTED, *(t.key for t in p.teams)])
            yield Problem(
                ("rules", i, "to_team"), f"unknown team '{rule.to_team}' (known: {known})"
            )


def _values(
    p: Profile,
    ix: Index,
    loc: Loc,
    field_id: str,
    values: tuple[str, ...],
    at: Loc = ("values",),
) -> Iterator[Problem]:
    field = ix.fields.get(field_id)
    if field is None:
        where = (*loc, "field") if at else loc
        yield Problem(where, f"unknown intake field '{field_id}' (known: {', '.join(ix.fields)})")
        return
    if field.kind is FieldKind.CHOICE:
        keys = [c.key for c in p.choices_for(field)]
        for value in values:
            if value not in keys:
                yield Problem(
                    (*loc, *at),
                    f"'{value}' is not a choice of '{field.id}' ({', '.join(keys)})",
                )
    elif field.kind not in (FieldKind.TEXT, FieldKind.MULTILINE):
        yield Problem(
            (*loc, *at) if at else loc,
            f"'{field.id}' is a {field.kind} field: route on choice or text fields",
        )
