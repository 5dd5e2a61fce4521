"""Profiles for tests: BestPack with one line changed, and a Kinetic Data-style second desk."""

from __future__ import annotations

from pathlib import Path

from services.profile import Profile, load_profile
from services.profile.loader import SHIPPED
from services.settings import Settings


def with_channel(settings: Settings, folder: Path, purpose: str, channel_id: str) -> Settings:
    """`settings` on a copy of the BestPack profile whose [channels] `purpose` is `channel_id`."""
    text = (SHIPPED / "bestpack.toml").read_text()
    blank = f'{purpose} = ""'
    # Exactly one such line, or the profile changed shape and the replace would mean nothing.
    assert text.count(blank) == 1, f"bestpack.toml has no single '{blank}' line"
    path = folder / f"bestpack-with-{purpose}-channel.toml"
    path.write_text(text.replace(blank, f'{purpose} = "{channel_id}"'))
    return settings.model_copy(update={"profile": str(path)})


def bestpack_with(settings: Settings, folder: Path, name: str, *edits: tuple[str, str]) -> Settings:
    """`settings` on a copy of the BestPack profile, named `name`, with each (old, new) made."""
    text = (SHIPPED / "bestpack.toml").read_text(encoding="utf-8")
    for old, new in edits:
        # Exactly once, or the profile changed shape and the edit would mean nothing.
        assert text.count(old) == 1, f"bestpack.toml has no single {old!r}"
        text = text.replace(old, new)
    path = folder / f"bestpack-{name}.toml"
    path.write_text(text, encoding="utf-8")
    return settings.model_copy(update={"profile": str(path)})


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
# (key, label, role, Zendesk status): its own names for the roles the code knows. HubSpot
# pipeline stages come with the HubSpot issue.
STATUSES = [
    ("new", "New", "new", "new"),
    ("with_specialist", "With the specialist", "assigned", "open"),
    ("waiting_on_us", "Waiting on us", "in_progress", "open"),
    ("waiting_on_contact", "Waiting on contact", "waiting_on_customer", "pending"),
    ("with_team", "With another team", "waiting_on_other", "hold"),
    ("solution_offered", "Solution offered", "resolved", "solved"),
    ("closed", "Closed", "closed", "closed"),
]
# [[statuses]] and [[roster]] tables go last in KINETIC: a plain key after them would belong
# to them.
TABLES = "".join(
    f'[[statuses]]\nkey = "{key}"\nlabel = "{label}"\nrole = "{role}"\nzendesk = "{zendesk}"\n'
    for key, label, role, zendesk in STATUSES
) + "".join(
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
# The seed's fields; `role` marks the two the code reads (the other answers drive the rules).

[[intake]]
id = "description"
label = "Ticket description"
kind = "multiline"
required = true
role = "description"

[[intake]]
id = "installation_type"
label = "Installation type"
kind = "choice"
choices = [
    { key = "customer-managed", label = "Customer-managed" },
    { key = "kinops", label = "kinops" },
]

[[intake]]
id = "environment"
label = "Environment"
kind = "choice"
required = true
choices = [
    { key = "dev", label = "Dev" },
    { key = "test", label = "Test" },
    { key = "production", label = "Production" },
    { key = "multiple", label = "Multiple" },
]

[[intake]]
id = "application"
label = "Application"
kind = "text"
required = true

[[intake]]
id = "category"
label = "Category"
kind = "choice"
required = true
choices = [
    { key = "question", label = "Question" },
    { key = "problem", label = "Problem" },
    { key = "feature", label = "Feature enhancement or request" },
    { key = "licensing", label = "Licensing" },
    { key = "other", label = "Other" },
]

[[intake]]
id = "type"
label = "Type"
kind = "choice"
required = true
choices_from = "issue_types"
role = "issue_type"

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
    + TABLES
)


def kinetic(folder: Path) -> Profile:
    """The Kinetic Data-style profile (no machines, its own statuses and fields), from a file.

    Superseded by the shipped services/profile/kinetic.toml (load_profile("kinetic")); kept
    while parts written against this fixture switch over."""
    path = folder / "kinetic.toml"
    path.write_text(KINETIC, encoding="utf-8")
    return load_profile(path)
