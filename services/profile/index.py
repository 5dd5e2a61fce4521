"""Lookup tables built once per profile so every query the bot makes is a dict hit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.profile.forms import FieldRole, FormField, IntakeRule
from services.profile.roster import Capability, Person, Role, Skill
from services.profile.routing import Complexity, IssueType, Provider, RoutingRule
from services.profile.sla import Priority, SlaTarget
from services.profile.statuses import Status, TicketStatus
from services.profile.teams import Team

if TYPE_CHECKING:
    from services.profile.models import Profile
    from services.profile.policy import Process, ProcessRole


@dataclass(frozen=True)
class Index:
    """Every keyed list of a profile as a dict; built once, read many times."""

    people: dict[str, Person]
    by_email: dict[str, Person]
    by_aad: dict[str, Person]
    roles: dict[str, Role]
    capabilities: dict[str, frozenset[Capability]]
    by_role: dict[str, tuple[Person, ...]]
    by_capability: dict[Capability, tuple[Person, ...]]
    skills: dict[str, Skill]
    holders: dict[str, tuple[Person, ...]]
    processes: dict[str | int, Process]
    process_roles: dict[ProcessRole, Process]
    issue_types: dict[str, IssueType]
    complexities: dict[str, Complexity]
    routes: dict[tuple[str, str | None], RoutingRule]
    priorities: dict[str, Priority]
    statuses: dict[str, Status]
    status_roles: dict[TicketStatus, Status]
    paused_roles: frozenset[TicketStatus]
    auto_close_roles: frozenset[TicketStatus]
    targets: dict[str, SlaTarget]
    providers: dict[str, Provider]
    fields: dict[str, FormField]
    field_roles: dict[FieldRole, FormField]
    rules: dict[str, IntakeRule]
    teams: dict[str, Team]


def _group(pairs: list[tuple[str, Person]]) -> dict[str, tuple[Person, ...]]:
    grouped: defaultdict[str, list[Person]] = defaultdict(list)
    for key, person in pairs:
        grouped[key].append(person)
    return {key: tuple(people) for key, people in grouped.items()}


def _roles(statuses: dict[str, Status], keys: tuple[str, ...]) -> frozenset[TicketStatus]:
    # An unknown key is left out here and reported by the checks.
    return frozenset(statuses[key].role for key in keys if key in statuses)


def build_index(p: Profile) -> Index:
    """Index `p`; on duplicate keys the first entry wins (the checks report the duplicate)."""
    roles = {r.id: r for r in reversed(p.roles)}
    caps = {
        person.id: frozenset(
            c for rid in person.roles if rid in roles for c in roles[rid].capabilities
        )
        for person in p.roster
    }
    emails = [(a.casefold(), x) for x in p.roster for a in (x.email, x.upn) if a]
    providers = p.service.providers if p.service else ()
    statuses = {s.key: s for s in reversed(p.statuses)}
    processes: dict[str | int, Process] = {}
    for step in reversed(p.processes):
        processes[step.key] = processes[step.number] = step
    return Index(
        people={x.id: x for x in reversed(p.roster)},
        by_email=dict(reversed(emails)),
        by_aad={str(x.aad_object_id): x for x in reversed(p.roster) if x.aad_object_id},
        roles=roles,
        capabilities=caps,
        by_role=_group([(rid, x) for x in p.roster for rid in x.roles]),
        by_capability=_group([(c, x) for x in p.roster for c in sorted(caps[x.id])]),
        skills={s.key: s for s in reversed(p.skills)},
        holders=_group([(s, x) for x in p.roster for s in x.skills]),
        processes=processes,
        process_roles={x.role: x for x in reversed(p.processes) if x.role},
        issue_types={t.key: t for t in reversed(p.issue_types)},
        complexities={c.key: c for c in reversed(p.complexities)},
        routes={(r.issue_type, r.complexity): r for r in reversed(p.routing)},
        priorities={x.key: x for x in reversed(p.priorities)},
        statuses=statuses,
        status_roles={s.role: s for s in reversed(p.statuses)},
        paused_roles=_roles(statuses, p.sla.paused_statuses),
        auto_close_roles=_roles(statuses, p.closure.auto_close_from),
        targets={t.priority: t for t in reversed(p.sla.targets)},
        providers={s: v for v in reversed(providers) for s in v.states},
        fields={f.id: f for f in reversed(p.intake)},
        field_roles={f.role: f for f in reversed(p.intake) if f.role},
        rules={r.id: r for r in reversed(p.rules)},
        teams={t.key: t for t in reversed(p.teams)},
    )
