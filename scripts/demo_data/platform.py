"""What a desk without machines hears about: platform problems, from a question to an outage.

Fictional customers (example.com addresses); the problems are the kinds Kinetic Data's support
handbook lists (forms, workflows, integrations, installs...). Each says how its customer
answers the intake's own questions by field id; a desk that asks other questions gets a
plausible answer for each (a choice of its own, or a short text), so any machine-less profile
fills.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from services.profile import FieldKind, FieldRole, Profile


@dataclass(frozen=True)
class PlatformProblem:
    """A customer's problem, the work notes and the fix, and how they answered intake."""

    issue_type: str
    description: str
    notes: tuple[str, ...]
    resolution: str
    root_cause: str
    answers: dict[str, str] = field(default_factory=dict)  # intake field id -> answer


CUSTOMERS = (
    ("Northwind Health", "Priya Shah", "priya.shah@northwind.example"),
    ("Contoso Utilities", "Marco Diaz", "marco.diaz@contoso.example"),
    ("Fabrikam County", "Helen Ortiz", "helen.ortiz@fabrikam.example"),
    ("Tailspin University", "Owen Brooks", "owen.brooks@tailspin.example"),
)


def _problem(kind: str, text: str, fix: str, cause: str, **answers: str) -> PlatformProblem:
    notes = ("Asked for the logs and a screenshot of the failing step.", f"Found it: {cause}")
    return PlatformProblem(kind, text, notes, fix, cause, answers)


PROBLEMS = (
    _problem(
        "workflow",
        "Approval node never completes after the 6.1 upgrade.\nRequests pile up in Pending.",
        "Patched the approval handler and re-ran the stuck runs.",
        "The 6.1 handler times out on approvers with no manager set.",
        application="Kinetic Request CE 6.1", category="problem", installation_type="kinops",
    ),
    _problem(
        "forms",
        "How do we make a field required only when another one says 'Other'?",
        "Sent the documentation on required expressions with an example.",
        "A how-to question: the documentation covers it.",
        application="Kinetic Request CE 6.1", category="question",
        installation_type="customer-managed",
    ),
    _problem(
        "install",
        "The upgrade to 6.1 stops at the database migration step.\nThe site is down.",
        "Raised the migration's lock timeout and completed the upgrade with DevOps.",
        "A long-running report held a lock the migration needed.",
        application="Kinetic Platform 6.1", category="problem",
        installation_type="customer-managed", environment="production",
    ),
    _problem(
        "integration",
        "The ServiceNow bridge stopped syncing incidents last night.",
        "Renewed the bridge's credentials and replayed the missed events.",
        "The integration user's password expired.",
        application="Kinetic Bridgehub 2.3", category="problem", installation_type="kinops",
    ),
    _problem(
        "ux_ui",
        "Our portal's header lost its logo after the bundle update.",
        "Pointed the theme at the moved asset and cleared the cache.",
        "The bundle update moved the theme's assets folder.",
        application="Service Portal bundle 3.2", category="problem", installation_type="kinops",
    ),
    _problem(
        "license",
        "Our license expires next week; how do we renew it?",
        "Sent the renewal steps; the new key is installed.",
        "A renewal request.",
        application="Kinetic Platform 6.0", category="licensing",
        installation_type="customer-managed",
    ),
    _problem(
        "access_security",
        "SSO logins fail for one department since Monday.",
        "Added the department's group to the SAML mapping.",
        "A new Entra group was not mapped to a space role.",
        application="Kinetic Platform 6.1", category="problem", installation_type="kinops",
    ),
    _problem(
        "workflow",
        "Could the notification template show the request's due date?",
        "Logged the enhancement and showed a workaround with a custom attribute.",
        "A feature request.",
        application="Kinetic Task 5.2", category="feature", installation_type="kinops",
    ),
)  # fmt: skip


def intake_answers(
    profile: Profile, problem: PlatformProblem, customer: tuple[str, str, str], rng: random.Random
) -> dict[str, Any]:
    """The intake form's answers on `profile`: by role where the code reads one, else the
    problem's own answer when the desk offers it, else a plausible one."""
    company, contact, email = customer
    by_role = {
        FieldRole.DESCRIPTION: problem.description,
        FieldRole.SUBJECT: problem.description.splitlines()[0],
        FieldRole.COMPANY: company,
        FieldRole.CONTACT_NAME: contact,
        FieldRole.CONTACT_EMAIL: email,
    }
    answers: dict[str, Any] = {}
    for spec in profile.intake:
        keys = [c.key for c in profile.choices_for(spec)] if spec.kind is FieldKind.CHOICE else []
        given = problem.issue_type if spec.role is FieldRole.ISSUE_TYPE else None
        given = given or problem.answers.get(spec.id)
        if spec.role in by_role:
            answers[spec.id] = by_role[spec.role]
        elif keys:
            # Most calls are not from production; the problems that are say so.
            usual = [k for k in keys if k != "production"] or keys
            answers[spec.id] = given if given in keys else rng.choice(usual)
        elif spec.kind is FieldKind.TOGGLE:
            answers[spec.id] = False
        elif spec.kind in (FieldKind.TEXT, FieldKind.MULTILINE) and (given or spec.required):
            answers[spec.id] = given or spec.label
    return answers
