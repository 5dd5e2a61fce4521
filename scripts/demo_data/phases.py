"""The phases most ticket lives share: triage, first response, the fix, the customer's word."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.demo_data.catalog import Customer, Problem
from scripts.demo_data.steps import INTAKE_ADMIN, assign_by_skills, note
from scripts.demo_data.story import Story
from services.tickets import Confirmation, ConfirmationChannel, TicketStatus
from services.tickets.closure import RccaRecord
from services.tickets.workflow import acknowledge, change_status, classify, close, resolve


@dataclass(frozen=True)
class Case:
    """What the ticket is about, for the words its steps use."""

    customer: Customer
    problem: Problem


async def triage(story: Story, *, late: bool = False, raise_to: str | None = None) -> str:
    """Acknowledge (within the hour, or late) and assign by skills; returns the assignee.

    `raise_to`: the customer called back and triage raised the priority first.
    """
    if raise_to is not None:
        story.after(20)
        await story.do(classify, INTAKE_ADMIN, priority=raise_to)
    story.after(150 if late else 25, spread=0.3)
    await story.do(acknowledge, INTAKE_ADMIN)
    story.after(10)
    return await assign_by_skills(story)


async def start_work(story: Story, case: Case, worker: str) -> None:
    """Start work and give the customer a first response."""
    story.after(30)
    await story.do(change_status, worker, TicketStatus.IN_PROGRESS)
    story.after(20)
    first = f"Hello {case.customer.contact.split()[0]}, we are on it: {case.problem.notes[0]}"
    await note(story, worker, first, public=True, minutes=story.rng.choice((15, 20, 30)))


async def fix(
    story: Story, case: Case, worker: str, *, kb: bool = False, rcca: RccaRecord | None = None
) -> None:
    """The last work note and the resolution; the customer is asked to confirm."""
    story.after(120)
    await note(story, worker, case.problem.notes[-1], minutes=story.rng.choice((30, 45, 60, 90)))
    story.after(60)
    await story.do(
        resolve,
        worker,
        case.problem.resolution,
        root_cause=case.problem.root_cause,
        kb_article=kb,
        confirmation_requested=True,
        rcca=rcca,
    )


async def confirmed(story: Story, case: Case, worker: str) -> None:
    """The customer confirms the fix a day or so later and the ticket closes."""
    story.days(story.rng.choice((0.5, 1, 1.5)))
    via = story.rng.choice((ConfirmationChannel.PHONE, ConfirmationChannel.EMAIL))
    await story.do(close, worker, confirmation=Confirmation(case.customer.contact, via))
