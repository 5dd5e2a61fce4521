"""Cross-reference checks over a whole profile: ids are unique and every reference resolves."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from services.profile.base import duplicates
from services.profile.bp_search import bp_search_problems
from services.profile.checks_flow import flow_problems
from services.profile.checks_roles import role_problems
from services.profile.errors import Loc, Problem
from services.profile.harvest import harvest_problems
from services.profile.hubspot import hubspot_problems
from services.profile.policy import ASSIGNEE
from services.profile.roster import Capability
from services.profile.routines import routines_problems
from services.profile.teams import team_problems
from services.profile.zendesk import zendesk_problems

if TYPE_CHECKING:
    from services.profile.index import Index
    from services.profile.models import Profile


def reference_problems(p: Profile, ix: Index) -> list[Problem]:
    """Every cross-reference problem in `p` (indexed as `ix`), section by section."""
    return [
        *_unique_keys(p),
        *_identities(p),
        *_roster(p, ix),
        *_routing(p, ix),
        *flow_problems(p, ix),
        *role_problems(p, ix),
        *team_problems(p, ix),
        *zendesk_problems(p),
        *hubspot_problems(p),
        *bp_search_problems(p),
        *harvest_problems(p),
        *routines_problems(p, ix),
    ]


def _unique_keys(p: Profile) -> Iterator[Problem]:
    providers = p.service.providers if p.service else ()
    yield from duplicates(("roles",), "id", (r.id for r in p.roles), "role id")
    yield from duplicates(("skills",), "key", (s.key for s in p.skills), "skill")
    yield from duplicates(("roster",), "id", (x.id for x in p.roster), "person id")
    yield from duplicates(("processes",), "number", (str(x.number) for x in p.processes), "number")
    yield from duplicates(("processes",), "key", (x.key for x in p.processes), "process key")
    yield from duplicates(("statuses",), "key", (s.key for s in p.statuses), "status")
    yield from duplicates(("priorities",), "key", (x.key for x in p.priorities), "priority")
    yield from duplicates(("priorities",), "rank", (str(x.rank) for x in p.priorities), "rank")
    yield from duplicates(
        ("sla", "targets"), "priority", (t.priority for t in p.sla.targets), "target"
    )
    yield from duplicates(("issue_types",), "key", (t.key for t in p.issue_types), "issue type")
    yield from duplicates(("complexities",), "key", (c.key for c in p.complexities), "complexity")
    yield from duplicates(("service", "providers"), "key", (v.key for v in providers), "provider")
    yield from duplicates(("intake",), "id", (f.id for f in p.intake), "field id")
    yield from duplicates(("rules",), "id", (r.id for r in p.rules), "rule id")
    dates = (h.date.isoformat() for h in p.business_hours.holidays)
    yield from duplicates(("business_hours", "holidays"), "date", dates, "holiday")


def _identities(p: Profile) -> Iterator[Problem]:
    # An address or object id used twice would make "who is this Teams user?" ambiguous.
    seen: dict[str, int] = {}
    for i, person in enumerate(p.roster):
        for key in ("email", "upn", "aad_object_id"):
            value = getattr(person, key)
            if value is None:
                continue
            folded = str(value).casefold()
            if folded in seen and not (key == "upn" and seen[folded] == i):
                yield Problem(
                    ("roster", i, key), f"'{value}' is already used by roster[{seen[folded]}]"
                )
            seen.setdefault(folded, i)


def _roster(p: Profile, ix: Index) -> Iterator[Problem]:
    role_ids = {r.id for r in p.roles}
    for i, person in enumerate(p.roster):
        if person.id == ASSIGNEE:
            yield Problem(("roster", i, "id"), f"'{ASSIGNEE}' is reserved for process owners")
        for role in person.roles:
            if role not in role_ids:
                yield Problem(("roster", i, "roles"), f"unknown role '{role}' ({_known(role_ids)})")
        for skill in person.skills:
            if skill not in ix.skills:
                yield Problem(
                    ("roster", i, "skills"), f"unknown skill '{skill}' ({_known(ix.skills)})"
                )
    if p.owner not in ix.people:
        yield Problem(("owner",), f"'{p.owner}' is not on the roster")
    for i, step in enumerate(p.processes):
        if step.owner != ASSIGNEE and step.owner not in ix.people:
            yield Problem(
                ("processes", i, "owner"),
                f"'{step.owner}' is neither on the roster nor '{ASSIGNEE}'",
            )


def _routing(p: Profile, ix: Index) -> Iterator[Problem]:
    for i, kind in enumerate(p.issue_types):
        yield from _skills_problems(ix, ("issue_types", i, "skills"), kind.skills)
    seen: set[tuple[str, str | None]] = set()
    for i, rule in enumerate(p.routing):
        if rule.issue_type not in ix.issue_types:
            yield Problem(("routing", i, "issue_type"), f"unknown issue type '{rule.issue_type}'")
        if rule.complexity is not None and rule.complexity not in ix.complexities:
            yield Problem(("routing", i, "complexity"), f"unknown complexity '{rule.complexity}'")
        pair = (rule.issue_type, rule.complexity)
        if pair in seen:
            yield Problem(("routing", i), f"a rule for {pair} already exists")
        seen.add(pair)
        yield from _skills_problems(ix, ("routing", i, "skills"), rule.skills)


def _skills_problems(ix: Index, loc: Loc, skills: tuple[str, ...]) -> Iterator[Problem]:
    missing = False
    for skill in skills:
        if skill not in ix.skills:
            missing = True
            yield Problem(loc, f"unknown skill '{skill}' ({_known(ix.skills)})")
        elif skill not in ix.holders:
            missing = True
            yield Problem(loc, f"'{skill}' is held by nobody on the roster")
    # Routing needs one person who can be assigned and holds every skill, not a committee.
    workers = ix.by_capability.get(Capability.WORK_TICKETS, ())
    if skills and not missing and not any(x.has_skills(skills) for x in workers):
        yield Problem(
            loc, f"nobody with '{Capability.WORK_TICKETS}' holds all of: {', '.join(skills)}"
        )


def _known(keys: Iterable[str]) -> str:
    names = sorted(keys)
    return "known: " + ", ".join(names) if names else "none defined"
