"""The routing-fit rule: whether a person may work a ticket as routing asks, and if not, why.

The one place the rule lives: the assign command (services/tickets/triage.py) refuses a pick
that does not fit unless an override reason is given, and the triage card words its choices
from the same skills.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.profile import Capability, Profile


@dataclass(frozen=True)
class Fit:
    """How a person fits a ticket's routing rule; `problem` is None when they fit."""

    works_tickets: bool
    missing: tuple[str, ...]  # needed skill keys the person lacks, in the rule's order
    problem: str | None  # one line, skill labels, e.g. "Jordan lacks PLC (needed for ...)"


def needed_skills(
    profile: Profile, issue_type: str | None, complexity: str | None
) -> tuple[str, ...]:
    """The skill keys routing asks for; none for an unclassified ticket (triage's judgement)."""
    if issue_type is None:
        return ()
    # skills_for quietly falls back to the issue type's skills for an unknown complexity; a
    # mistyped key would then route custom-machine work to the standard-machine technician.
    if complexity is not None:
        profile.complexity(complexity)
    return profile.skills_for(issue_type, complexity)


def routing_fit(
    profile: Profile, person_id: str, issue_type: str | None, complexity: str | None
) -> Fit:
    """Whether the person may work such a ticket and has its skills (KeyError: no such person)."""
    person = profile.person(person_id)
    works = profile.has_capability(person, Capability.WORK_TICKETS)
    missing = tuple(
        k for k in needed_skills(profile, issue_type, complexity) if k not in person.skills
    )
    if not works:
        # Without work_tickets the skills are moot: the person cannot be an assignee at all.
        problem = f"{person.name} cannot be assigned tickets: no role of theirs grants work_tickets"
    elif missing:
        problem = f"{person.name} lacks {skill_labels(profile, missing, ', ')} (needed for "
        problem += f"{_route(profile, issue_type or '', complexity)})"
    else:
        problem = None
    return Fit(works, missing, problem)


def skill_labels(profile: Profile, keys: tuple[str, ...], sep: str) -> str:
    """Skill keys as the labels people read."""
    return sep.join(profile.skill(k).label for k in keys)


def _route(profile: Profile, issue_type: str, complexity: str | None) -> str:
    label = profile.issue_type(issue_type).label
    return f"{label} — {profile.complexity(complexity).label}" if complexity else label
