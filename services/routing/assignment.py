"""Suggest an assignee by issue type, machine complexity and skills (the fit rule: fit.py)."""

# The profile owns the rules (skills_for, candidates_for); this module only ranks the people it
# returns by workload and words the result. Triage has the final say: a suggestion is the
# default on the assignment card, never an assignment.

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from services.profile import Capability, Person, Profile
from services.routing.fit import needed_skills, skill_labels


@dataclass(frozen=True)
class Suggestion:
    """Who should work a ticket, the needed skills they hold, their load and a one-line reason."""

    person: Person
    skills: tuple[str, ...]  # needed skill keys this person holds, in the rule's order
    open_tickets: int
    reason: str  # e.g. "Kevin — PLC — 2 open"; skill labels, never keys
    alternatives: tuple[Suggestion, ...] = ()  # the next best picks, best first
    missing: tuple[str, ...] = ()  # needed skill keys this person lacks; empty: a full match

    @property
    def full_match(self) -> bool:
        """True if the person holds every skill the ticket needs."""
        return not self.missing


def suggest_assignee(
    profile: Profile,
    issue_type: str,
    complexity: str | None,
    open_counts: Mapping[str, int],
    *,
    exclude: Iterable[str] = (),
) -> Suggestion | None:
    """The least busy fully skilled worker, else the best partial match, else None."""
    needed = needed_skills(profile, issue_type, complexity)
    if not needed:
        return None  # the profile leaves skill-less issue types ("Other / not sure") to triage
    skip = set(exclude)

    def load(person: Person) -> int:
        return open_counts.get(person.id, 0)

    # sorted() is stable and both lookups return roster order, so ties stay in roster order.
    full = [p for p in profile.candidates_for(issue_type, complexity) if p.id not in skip]
    if full:
        ranked = sorted(full, key=load)
    else:
        # Only reachable through `exclude`: the profile refuses rules no worker fully covers.
        # Someone holding none of the needed skills is no suggestion at all, so triage picks.
        workers = profile.people_with_capability(Capability.WORK_TICKETS)
        held = {p.id: len(set(needed) & set(p.skills)) for p in workers if p.id not in skip}
        partial = [p for p in workers if held.get(p.id)]
        ranked = sorted(partial, key=lambda p: (-held[p.id], load(p)))
    if not ranked:
        return None
    options = [_suggestion(profile, p, needed, load(p)) for p in ranked]
    return replace(options[0], alternatives=tuple(options[1:]))


def _suggestion(
    profile: Profile, person: Person, needed: tuple[str, ...], open_tickets: int
) -> Suggestion:
    held = tuple(k for k in needed if k in person.skills)
    missing = tuple(k for k in needed if k not in person.skills)
    reason = f"{person.name} — {skill_labels(profile, held, '/')} — {open_tickets} open"
    if missing:
        reason += f" — missing {skill_labels(profile, missing, ', ')}"
    return Suggestion(person, held, open_tickets, reason, missing=missing)
