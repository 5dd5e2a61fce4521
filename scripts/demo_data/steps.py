"""The steps stories are made of, each through the domain's own commands and repositories."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from scripts.demo_data.catalog import Customer, Machine, Problem
from scripts.demo_data.story import Story
from services.app_services import AppServices
from services.escalations import Handoff
from services.escalations.workflow import accept, escalate, record_rcca
from services.forms import check_answers
from services.profile import FieldKind, FieldRole, Profile
from services.routing.assignment import suggest_assignee
from services.tickets import Ticket, check_draft, draft_from_answers
from services.tickets.workflow import add_note, assign

R = FieldRole
INTAKE_ADMIN = "mary"  # process 1's owner: every demo ticket comes in through her


def intake_answers(
    profile: Profile, customer: Customer, machine: Machine, problem: Problem, serial: str
) -> dict[str, Any]:
    """The intake form's answers, each given to the field playing its role on this profile."""
    by_role = {
        R.SUBJECT: problem.description.splitlines()[0],
        R.DESCRIPTION: problem.description,
        R.ISSUE_TYPE: problem.issue_type,
        R.COMPLEXITY: machine.complexity,
        R.COMPANY: customer.company,
        R.CONTACT_NAME: customer.contact,
        R.CONTACT_EMAIL: customer.email,
        R.CONTACT_PHONE: customer.phone,
        R.MACHINE_MODEL: machine.model,
        R.SERIAL_NUMBER: serial,
        R.SITE_STATE: customer.state.lower(),  # the state choices' keys are lower-case
    }
    answers: dict[str, Any] = {}
    for spec in profile.intake:
        if spec.role in by_role:
            answers[spec.id] = by_role[spec.role]
        elif spec.role is None and spec.kind is FieldKind.TOGGLE:
            # Toggles without a role are the rules' yes/no questions about impact, and the
            # catalog knows one such fact: whether the machine is down.
            answers[spec.id] = problem.machine_down
    priority = profile.field_for(R.PRIORITY)
    if priority is not None:  # the priority the rules suggest, as intake would
        answers[priority.id] = profile.suggested_priority(answers).key
    return answers


async def intake(
    services: AppServices,
    customer: Customer,
    machine: Machine,
    problem: Problem,
    serial: str,
    key: str,
    at: datetime,
    refs: tuple[str, str] | None = None,
) -> tuple[Ticket, bool]:
    """File a ticket from intake form answers, checked as the intake card checks them.

    `refs`: the machine's and its customer's refs, as when intake picked it in BP Search.
    """
    profile = services.profile
    raw = intake_answers(profile, customer, machine, problem, serial)
    check = check_answers(profile, profile.intake, raw)
    if not check.ok:
        raise ValueError(f"demo intake answers refused: {check.errors}")
    draft = check_draft(draft_from_answers(profile, check.values), profile)
    if refs is not None:
        draft = replace(draft, machine_ref=refs[0], customer_ref=refs[1])
    return await services.tickets.create(draft, INTAKE_ADMIN, key, at)


async def assign_by_skills(story: Story, exclude: tuple[str, ...] = ()) -> str:
    """Assign to whom routing suggests (skills, then workload); returns their id."""
    ticket = story.ticket
    counts = await story.services.tickets.open_counts_by_assignee()
    pick = suggest_assignee(
        story.profile, ticket.issue_type or "other", ticket.complexity, counts, exclude=exclude
    )
    assignee = pick.person.id if pick else "jordan"
    await story.do(assign, INTAKE_ADMIN, assignee_id=assignee)
    return assignee


async def hand_to_engineering(story: Story, problem: Problem, engineer: str | None) -> None:
    """The assignee escalates with a full handoff; the engineering manager gives it to
    `engineer` (None: not answered yet)."""
    ticket = story.ticket
    handoff = Handoff(
        symptoms=problem.description.splitlines()[0],
        steps_tried="; ".join(problem.notes[:1]) or "Remote session, checked the obvious.",
        machine_model=ticket.machine_model or "",
        serial_number=ticket.serial_number or "",
        software_versions="PLC v4.2.1, HMI 2.8",
        suspected_cause=problem.root_cause,
        containment="Running at reduced speed with an operator watching.",
        help_needed="Need engineering to confirm the cause and the permanent fix.",
        urgency=ticket.priority,
    )
    escalations = story.services.escalations
    decision = escalate(ticket, ticket.assignee_id, story.profile, story.at, handoff)
    story.ticket, escalation = await escalations.hand_off(decision, ticket.version)
    if engineer is None:
        return
    story.after(45)
    decision = accept(
        story.ticket, escalation, "allison", story.profile, story.at, engineer_id=engineer
    )
    story.ticket, _ = await escalations.decide(decision, story.ticket.version)


async def write_rcca(story: Story, problem: Problem) -> None:
    """The engineer records the root cause, corrective and preventive action."""
    escalations = story.services.escalations
    escalation = await escalations.latest(story.ticket.id)
    answers = {
        "root_cause": problem.root_cause,
        "corrective_action": problem.resolution,
        "preventive_action": "Added the check to the preventive maintenance list.",
    }
    change, rcca = record_rcca(
        story.ticket, escalation, story.ticket.assignee_id, story.profile, story.at, answers
    )
    story.ticket = await escalations.record_rcca(change, story.ticket.version, rcca)


async def note(story: Story, actor: str, text: str, **kwargs) -> None:
    """A work note on the ticket (internal unless public=True)."""
    await story.do(add_note, actor, text, **kwargs)
