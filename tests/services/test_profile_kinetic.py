"""The shipped Kinetic Data profile says what Kinetic Data's support handbook says."""

import pytest

from services.profile import (
    Capability,
    FieldRole,
    Profile,
    RuleAction,
    TicketStatus,
    load_profile,
    shipped_profiles,
)


@pytest.fixture(scope="module")
def kinetic() -> Profile:
    return load_profile("kinetic")


def test_it_is_shipped_beside_bestpack() -> None:
    assert {"bestpack", "kinetic"} <= set(shipped_profiles())


def test_intake_asks_the_handbooks_fields_in_its_order(kinetic: Profile) -> None:
    assert [(f.id, f.label) for f in kinetic.intake] == [
        ("description", "Ticket description"),
        ("installation_type", "Installation type"),
        ("environment", "Environment"),
        ("application", "Application"),
        ("category", "Category"),
        ("type", "Type"),
    ]
    keys = {f: [c.key for c in kinetic.choices_for(f)] for f in ("installation_type", "category")}
    assert keys == {
        "installation_type": ["customer-managed", "kinops"],
        "category": ["question", "problem", "feature", "licensing", "other"],
    }
    assert [c.key for c in kinetic.choices_for("environment")] == [
        "dev",
        "test",
        "production",
        "multiple",
    ]
    assert [c.label for c in kinetic.choices_for("type")] == [
        "Forms",
        "Workflow",
        "Integration",
        "UX/UI",
        "Database",
        "Install",
        "Access / Security",
        "License",
        "Infrastructure",
        "Other",
    ]


def test_no_machines_anywhere(kinetic: Profile) -> None:
    assert kinetic.complexities == () and kinetic.service is None
    for role in (FieldRole.SERIAL_NUMBER, FieldRole.MACHINE_MODEL, FieldRole.COMPLEXITY):
        assert kinetic.field_for(role) is None
    assert {kinetic.bp_search.installed_base, kinetic.bp_search.orders} == {"embedded"}


@pytest.mark.parametrize(
    ("answers", "team"),
    [
        ({"type": "install", "category": "problem"}, "devops"),
        ({"type": "infrastructure", "category": "question"}, "devops"),
        ({"type": "workflow", "category": "problem"}, "engineering"),
        ({"type": "forms", "category": "problem"}, "engineering"),
        ({"type": "forms", "category": "question"}, "delivery"),
        ({"type": "integration", "category": "problem"}, "delivery"),
        ({"type": "ux_ui", "category": "feature"}, "bundle_support"),
        ({"type": "license", "category": "licensing"}, None),
        ({"type": "other", "category": "other"}, None),
    ],
)
def test_each_type_routes_to_the_team_that_helps(
    kinetic: Profile, answers: dict, team: str | None
) -> None:
    found = kinetic.team_for(answers)
    assert (found.key if found else None) == team


def test_teams_are_the_people_holding_their_roles(kinetic: Profile) -> None:
    members = {t.key: [p.id for p in kinetic.members_of(t)] for t in kinetic.teams}
    assert members == {
        "devops": ["devon"],
        "engineering": ["erin"],
        "delivery": ["dana"],
        "bundle_support": ["erin"],
        "customer_success": ["riley", "lee"],
        "leadership": ["lee"],
    }
    assert kinetic.team("devops").label == "DevOps"
    with pytest.raises(KeyError):
        kinetic.team("sales")


def test_the_specialist_owns_tickets_and_the_teams_help(kinetic: Profile) -> None:
    workers = kinetic.people_with_capability(Capability.WORK_TICKETS)
    assert [p.id for p in workers] == ["sam", "riley"]
    assert [p.id for p in kinetic.people_with_capability(Capability.TRIAGE)] == ["sam", "riley"]
    # No type asks for skills: the specialist is the owner whatever the ticket is about.
    assert all(kinetic.candidates_for(t.key) == () for t in kinetic.issue_types)
    two_roles = [p.id for p in kinetic.roster if len(p.roles) == 2]
    assert two_roles == ["riley", "erin", "lee"]


def test_production_escalates_to_the_routed_team_at_the_urgent_target(kinetic: Profile) -> None:
    (rule,) = kinetic.escalations_for({"environment": "production", "type": "install"})
    assert (rule.action, rule.to_team, rule.priority) == (RuleAction.ESCALATE, "routed", "urgent")
    assert kinetic.suggested_priority({"environment": "production"}).key == "urgent"
    assert kinetic.sla_target("urgent").resolution < kinetic.sla_target("medium").resolution


@pytest.mark.parametrize("environment", ["dev", "test", "multiple"])
def test_other_environments_follow_normal_triage(kinetic: Profile, environment: str) -> None:
    assert kinetic.escalations_for({"environment": environment}) == ()
    assert kinetic.suggested_priority({"environment": environment}).key == "medium"


def test_its_own_statuses_play_the_roles_the_code_reads(kinetic: Profile) -> None:
    assert kinetic.status_for(TicketStatus.ASSIGNED).label == "With the specialist"
    assert kinetic.status_for(TicketStatus.WAITING_ON_OTHER).key == "with_team"
    assert kinetic.paused_roles == {TicketStatus.WAITING_ON_CUSTOMER}
    assert kinetic.auto_close_roles == {TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED}
    assert kinetic.field_for(FieldRole.ISSUE_TYPE).id == "type"
    assert kinetic.system_of_record == "embedded"
