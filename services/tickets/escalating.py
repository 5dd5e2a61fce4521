"""Escalation on intake: the profile's `escalate` rules, applied to a ticket as it is filed.

A rule names who is told at once: the holders of a role, a team, or the team the profile's
[[team_routing]] picks for the ticket's answers ("routed"). The rule's priority, if any, was
the ticket's from the start (services.tickets.intake), so the SLA runs to its target already;
what is left here is who to tell, and the line the triage card and the timeline show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.profile import FieldKind, IntakeRule, Person, Profile
from services.profile.forms import ROUTED
from services.profile.wording import names_in_words
from services.tickets.history import event, touched
from services.tickets.model import SYSTEM_ACTOR, Change, EventKind, Ticket

ESCALATED_AT_INTAKE = "Escalated at intake"


@dataclass(frozen=True)
class IntakeEscalation:
    """One escalate rule a ticket's answers fired: why, who is told, and who that is."""

    rule_id: str
    reason: str  # "environment is production"
    told: str  # "DevOps", "Allison"; empty when the routing names no team
    people: tuple[Person, ...]

    @property
    def outcome(self) -> str:
        """Why and to whom, as the timeline keeps it: "environment is production → DevOps told"."""
        if not self.people:
            return f"{self.reason} → no team routes it: pull one in"
        return f"{self.reason} → {self.told} told"

    @property
    def line(self) -> str:
        """What the triage card says: "Escalated at intake: environment is production → DevOps
        told"."""
        return f"{ESCALATED_AT_INTAKE}: {self.outcome}"


def reason(profile: Profile, rule: IntakeRule) -> str:
    """The rule's note, else its condition in words: "environment is production"."""
    if rule.note:
        return rule.note
    field = profile.intake_field(rule.field)
    value: Any = rule.equals
    if field.kind is FieldKind.CHOICE:
        value = next((c.label for c in profile.choices_for(field) if c.key == value), value)
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    return f"{field.label.lower()} is {str(value).lower()}"


def _told(profile: Profile, rule: IntakeRule, answers: Mapping[str, Any]) -> tuple[str, tuple]:
    if rule.to_role is not None:
        people = profile.people_with_role(rule.to_role)
        return names_in_words(p.name for p in people), people
    team = profile.team_for(answers) if rule.to_team == ROUTED else profile.team(rule.to_team or "")
    if team is None:
        return "", ()
    return team.label, profile.members_of(team)


def intake_escalations(
    profile: Profile, answers: Mapping[str, Any]
) -> tuple[IntakeEscalation, ...]:
    """The escalations intake answers call for, in profile order; none for most tickets."""
    found = []
    for rule in profile.escalations_for(answers):
        told, people = _told(profile, rule, answers)
        found.append(IntakeEscalation(rule.id, reason(profile, rule), told, people))
    return tuple(found)


def escalated_at_intake(
    ticket: Ticket, found: tuple[IntakeEscalation, ...], now: datetime
) -> Change:
    """The timeline entries that say a new ticket was escalated, and to whom (the desk's doing:
    the rule fired, nobody chose it)."""
    new = touched(ticket, now)
    return Change(
        new,
        tuple(
            event(
                EventKind.ESCALATED_AT_INTAKE,
                SYSTEM_ACTOR,
                ticket,
                new,
                body=item.outcome,
                extra={"rule": item.rule_id, "told": [p.id for p in item.people]},
            )
            for item in found
        ),
    )
