"""A Kinetic Data-style profile (no machines, HubSpot-style fields) fits the same model."""

from pathlib import Path

import pytest

from services.profile import Capability, FieldRole, Profile, RuleAction, TicketStatus
from tests.harness.profiles import kinetic as kinetic_profile


@pytest.fixture
def kinetic(tmp_path: Path) -> Profile:
    return kinetic_profile(tmp_path)


def test_production_issues_escalate_at_once(kinetic: Profile) -> None:
    (rule,) = kinetic.escalations_for({"environment": "production", "category": "problem"})
    assert rule.id == "production_escalates"
    assert rule.action is RuleAction.ESCALATE
    assert [p.id for p in kinetic.people_with_role(rule.to_role)] == ["eli"]
    assert kinetic.suggested_priority({"environment": "production"}).key == "high"


@pytest.mark.parametrize("environment", ["dev", "test", "multiple"])
def test_other_environments_follow_normal_assignment(kinetic: Profile, environment: str) -> None:
    assert kinetic.escalations_for({"environment": environment}) == ()
    assert kinetic.suggested_priority({"environment": environment}).key == "medium"


def test_fields_types_and_roles_match_the_process(kinetic: Profile) -> None:
    assert [c.key for c in kinetic.choices_for("installation_type")] == [
        "customer-managed",
        "kinops",
    ]
    assert [c.label for c in kinetic.choices_for("type")][:4] == [
        "Forms",
        "Workflow",
        "Integration",
        "UX/UI",
    ]
    assert [p.id for p in kinetic.candidates_for("install")] == ["dee"]
    assert [p.id for p in kinetic.candidates_for("ux_ui")] == ["bo"]
    escalation_takers = kinetic.people_with_capability(Capability.ACCEPT_ESCALATION)
    assert [p.id for p in escalation_takers] == ["eli", "cy"]
    assert kinetic.provider_for_state("NY") is None and kinetic.processes == ()


def test_silent_tickets_close_themselves(kinetic: Profile) -> None:
    assert kinetic.closure.auto_close_after_business_days == 10
    assert kinetic.closure.auto_close_from == ("waiting_on_contact",)
    assert kinetic.clock_paused("waiting_on_contact")
    assert kinetic.auto_close_roles == {TicketStatus.WAITING_ON_CUSTOMER}


def test_its_own_statuses_and_fields_play_the_roles_the_code_reads(kinetic: Profile) -> None:
    assert kinetic.status_for(TicketStatus.ASSIGNED).label == "With the specialist"
    assert kinetic.status_for(TicketStatus.WAITING_ON_OTHER).key == "with_team"
    assert kinetic.paused_roles == {TicketStatus.WAITING_ON_CUSTOMER}
    assert kinetic.clock_paused(TicketStatus.WAITING_ON_CUSTOMER)
    assert not kinetic.clock_paused(TicketStatus.IN_PROGRESS)
    assert kinetic.field_for(FieldRole.ISSUE_TYPE).id == "type"
    assert kinetic.field_for(FieldRole.SERIAL_NUMBER) is None
