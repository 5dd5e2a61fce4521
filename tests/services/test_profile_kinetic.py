"""A Kinetic Data-style profile (no machines, HubSpot-style fields) fits the same model."""

from pathlib import Path

import pytest

from services.profile import Capability, Profile, RuleAction, load_profile

# (id, title, role, skill) — one person per Kinetic support role.
PEOPLE = [
    ("sam", "Support Specialist", "support_specialist", ""),
    ("dee", "DevOps", "devops", "installations"),
    ("eli", "Engineer", "engineer", "platform_bugs"),
    ("dana", "Delivery", "delivery", "implementations"),
    ("bo", "Bundle Support", "bundle_support", "frontend"),
    ("cy", "Customer Success", "customer_success", ""),
    ("lee", "VP Customer Experience", "leadership", ""),
]
# [[roster]] tables go last in KINETIC: any plain key after them would belong to them.
ROSTER = "".join(
    f'[[roster]]\nid = "{pid}"\nname = "{pid.title()}"\ntitle = "{title}"\n'
    f'email = "{pid}@kinetic.example"\nroles = ["{role}"]\n'
    + (f'skills = ["{skill}"]\n' if skill else "")
    for pid, title, role, skill in PEOPLE
)

KINETIC = (
    """\
name = "kinetic"
title = "Kinetic Data Support Tickets"
company = "Kinetic Data"
owner = "lee"
roles = [
    { id = "support_specialist", label = "Support Specialist", capabilities = [
        "triage", "assign", "work_tickets", "resolve_any", "view_scorecard"] },
    { id = "devops", label = "DevOps Team", capabilities = ["work_tickets"] },
    { id = "engineer", label = "Engineer", capabilities = ["work_tickets", "accept_escalation"] },
    { id = "delivery", label = "Delivery Team", capabilities = ["work_tickets"] },
    { id = "bundle_support", label = "Bundle Support", capabilities = ["work_tickets"] },
    { id = "customer_success", label = "Customer Success", capabilities = ["accept_escalation"] },
    { id = "leadership", label = "Leadership", capabilities = ["approve_non_billable"] },
]
skills = [
    { key = "installations", label = "Installations and platform requirements" },
    { key = "platform_bugs", label = "Platform bugs" },
    { key = "implementations", label = "Customer implementations" },
    { key = "frontend", label = "Frontend experience" },
]
statuses = [
    { key = "new", label = "New" },
    { key = "waiting_on_contact", label = "Waiting on contact" },
    { key = "waiting_on_us", label = "Waiting on us" },
    { key = "closed", label = "Closed", final = true },
]
priorities = [
    { key = "high", label = "High", rank = 1 },
    { key = "medium", label = "Medium", rank = 2, default = true },
    { key = "low", label = "Low", rank = 3 },
]
issue_types = [
    { key = "forms", label = "Forms", skills = ["platform_bugs"] },
    { key = "workflow", label = "Workflow", skills = ["platform_bugs"] },
    { key = "integration", label = "Integration", skills = ["implementations"] },
    { key = "ux_ui", label = "UX/UI", skills = ["frontend"] },
    { key = "database", label = "Database", skills = ["installations"] },
    { key = "install", label = "Install", skills = ["installations"] },
    { key = "access_security", label = "Access / Security", skills = ["installations"] },
    { key = "license", label = "License" },
    { key = "infrastructure", label = "Infrastructure", skills = ["installations"] },
    { key = "other", label = "Other" },
]
intake = [
    { id = "description", label = "Ticket description", kind = "multiline", required = true },
    { id = "installation_type", label = "Installation type", kind = "choice", choices = [
        { key = "customer-managed", label = "Customer-managed" },
        { key = "kinops", label = "kinops" },
    ] },
    { id = "environment", label = "Environment", kind = "choice", required = true, choices = [
        { key = "dev", label = "Dev" },
        { key = "test", label = "Test" },
        { key = "production", label = "Production" },
        { key = "multiple", label = "Multiple" },
    ] },
    { id = "application", label = "Application", kind = "text", required = true },
    { id = "category", label = "Category", kind = "choice", required = true, choices = [
        { key = "question", label = "Question" },
        { key = "problem", label = "Problem" },
        { key = "feature", label = "Feature enhancement or request" },
        { key = "licensing", label = "Licensing" },
        { key = "other", label = "Other" },
    ] },
    { id = "type", label = "Type", kind = "choice", required = true, choices_from = "issue_types" },
]

[[rules]]
id = "production_escalates"
field = "environment"
equals = "production"
action = "escalate"
to_role = "engineer"
note = "A production issue escalates at once."

[[rules]]
id = "production_is_high"
field = "environment"
equals = "production"
action = "set_priority"
priority = "high"

[sla]
warn_before_breach_minutes = 30
paused_statuses = ["waiting_on_contact"]
targets = [
    { priority = "high", acknowledge = 60, first_response = 60, resolution = 960 },
    { priority = "medium", acknowledge = 60, first_response = 240, resolution = 2400 },
    { priority = "low", acknowledge = 60, first_response = 480, resolution = 4800 },
]

[business_hours]
timezone = "America/Chicago"
days = ["mon", "tue", "wed", "thu", "fri"]
open = "08:00"
close = "17:00"

[closure]
auto_close_after_business_days = 10
auto_close_from = ["waiting_on_contact"]
reminder_after_business_days = [3, 7]
reopen_policy = "A customer reply on a closed ticket reopens it with the same owner."

"""
    + ROSTER
)


@pytest.fixture
def kinetic(tmp_path: Path) -> Profile:
    path = tmp_path / "kinetic.toml"
    path.write_text(KINETIC, encoding="utf-8")
    return load_profile(path)


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
    assert kinetic.status("closed").final
