"""Escalation on intake: which rule fires, who it tells, and how the timeline says it."""

from dataclasses import replace

import pytest

from services.profile import load_profile
from services.tickets import EventKind
from services.tickets.describe import describe
from services.tickets.escalating import escalated_at_intake, intake_escalations, reason
from services.tickets.model import SYSTEM_ACTOR
from tests.harness.domain import BESTPACK, MONDAY_9AM, bestpack_variant, make_ticket

KINETIC = load_profile("kinetic")
PRODUCTION = {"environment": "production", "type": "install", "category": "problem"}


def test_production_tells_the_team_the_type_routes_to() -> None:
    (found,) = intake_escalations(KINETIC, PRODUCTION)
    assert (found.rule_id, found.told) == ("production_escalates", "DevOps")
    assert [p.id for p in found.people] == ["devon"]
    assert found.line == "Escalated at intake: environment is production → DevOps told"


def test_without_a_routed_team_it_says_so_and_tells_nobody() -> None:
    (found,) = intake_escalations(KINETIC, {**PRODUCTION, "type": "license"})
    assert found.people == ()
    assert found.outcome == "environment is production → no team routes it: pull one in"


@pytest.mark.parametrize("environment", ["dev", "test", "multiple"])
def test_other_environments_escalate_nothing(environment: str) -> None:
    assert intake_escalations(KINETIC, {**PRODUCTION, "environment": environment}) == ()


def test_bestpack_escalates_nothing_even_for_a_machine_down() -> None:
    assert intake_escalations(BESTPACK, {"production_impact": True}) == ()


def machine_down_escalates(**target: str):
    """BestPack where a machine down escalates to `target` (to_role or to_team)."""

    def change(data: dict) -> None:
        data["teams"] = [{"key": "engineering", "label": "Engineering", "roles": ["engineer"]}]
        data["rules"][0] = {
            "id": "machine_down",
            "field": "production_impact",
            "equals": True,
            "action": "escalate",
            **target,
        }

    return bestpack_variant(change)


def test_a_role_is_told_by_name_and_a_toggle_reads_as_yes() -> None:
    profile = machine_down_escalates(to_role="engineering_manager")
    (found,) = intake_escalations(profile, {"production_impact": True})
    assert found.line == (
        "Escalated at intake: machine down / production stopped? is yes → Allison told"
    )


def test_a_named_team_is_told_whatever_the_answers_route_to() -> None:
    profile = machine_down_escalates(to_team="engineering", note="a machine is down")
    (found,) = intake_escalations(profile, {"production_impact": True, "issue_type": "parts"})
    assert [p.id for p in found.people] == ["kevin", "sean", "ezechiel"]
    assert found.outcome == "a machine is down → Engineering told"
    assert reason(profile, profile.rule("machine_down")) == "a machine is down"


def test_the_timeline_keeps_why_and_who_as_the_desks_own_doing() -> None:
    ticket = make_ticket(
        number="KD-1001", profile="kinetic", issue_type="install", fields=PRODUCTION
    )
    later = MONDAY_9AM.replace(minute=1)
    new, (entry,) = escalated_at_intake(ticket, intake_escalations(KINETIC, PRODUCTION), later)
    assert new == replace(ticket, updated_at=later)
    assert (entry.kind, entry.actor_id) == (EventKind.ESCALATED_AT_INTAKE, SYSTEM_ACTOR)
    assert entry.after == {"rule": "production_escalates", "told": ["devon"]}
    assert describe(KINETIC, entry) == (
        "Escalated at intake: environment is production → DevOps told"
    )
