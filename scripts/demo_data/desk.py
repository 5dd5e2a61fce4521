"""The demo for a desk without machines (Kinetic Data's): platform tickets, worked by whoever
the profile's roles say, through the same workflow commands as BestPack's demo.

Who does what comes from capabilities, never names: the first who may triage files and
assigns, those who work tickets own them, the first who accepts escalations decides them.
A production ticket is escalated at intake by the profile's rule, on its timeline (the demo
sends no Teams notices: nobody is there to read them).
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from scripts.demo_data.platform import CUSTOMERS, PROBLEMS, PlatformProblem, intake_answers
from scripts.demo_data.story import NotYet, Story, Tally
from services.app_services import AppServices
from services.escalations import Handoff
from services.escalations.workflow import accept, escalate, record_rcca
from services.forms import check_answers
from services.profile import Capability, Profile
from services.tickets import (
    Confirmation,
    ConfirmationChannel,
    ReopenSource,
    TicketStatus,
    check_draft,
    draft_from_answers,
)
from services.tickets.escalating import escalated_at_intake, intake_escalations
from services.tickets.rules import business_clock
from services.tickets.workflow import (
    acknowledge,
    add_note,
    assign,
    auto_close,
    change_status,
    close,
    reopen,
    resolve,
)


@dataclass(frozen=True)
class Cast:
    """Who plays each part on this desk, by capability."""

    filer: str
    owners: tuple[str, ...]
    decider: str | None

    @classmethod
    def of(cls, profile: Profile) -> Cast:
        """The desk's people for the demo's parts."""
        ids = [p.id for p in profile.people_with_capability(Capability.TRIAGE)]
        owners = tuple(p.id for p in profile.people_with_capability(Capability.WORK_TICKETS))
        deciders = profile.people_with_capability(Capability.ACCEPT_ESCALATION)
        return cls(ids[0], owners, deciders[0].id if deciders else None)


@dataclass(frozen=True)
class Case:
    """The ticket's problem and customer, and who works it."""

    problem: PlatformProblem
    contact: str
    cast: Cast


async def _triaged(story: Story, case: Case) -> str:
    story.after(20)
    await story.do(acknowledge, case.cast.filer)
    owner = story.rng.choice(case.cast.owners)
    story.after(10)
    await story.do(assign, case.cast.filer, assignee_id=owner)
    story.after(30)
    await story.do(change_status, owner, TicketStatus.IN_PROGRESS)
    await story.do(add_note, owner, case.problem.notes[0], public=True, minutes=15)
    return owner


async def _fixed(story: Story, case: Case, owner: str, rcca=None) -> None:
    story.after(120)
    await story.do(add_note, owner, case.problem.notes[-1], minutes=45)
    await story.do(
        resolve, owner, case.problem.resolution, root_cause=case.problem.root_cause,
        confirmation_requested=True, rcca=rcca,
    )  # fmt: skip


async def _confirmed(story: Story, case: Case, owner: str) -> None:
    story.days(story.rng.choice((0.5, 1)))
    via = story.rng.choice((ConfirmationChannel.EMAIL, ConfirmationChannel.PHONE))
    await story.do(close, owner, confirmation=Confirmation(case.contact, via))


async def quick_fix(story: Story, case: Case) -> None:
    """Answered, fixed and closed on the customer's word."""
    owner = await _triaged(story, case)
    await _fixed(story, case, owner)
    await _confirmed(story, case, owner)


async def waits_on_contact(story: Story, case: Case) -> None:
    """Waits a day for the customer's logs before the fix."""
    owner = await _triaged(story, case)
    await story.do(change_status, owner, TicketStatus.WAITING_ON_CUSTOMER, note="Logs asked.")
    story.days(1)
    await story.do(change_status, owner, TicketStatus.IN_PROGRESS, note="Logs in.")
    await _fixed(story, case, owner)
    await _confirmed(story, case, owner)


async def silent_close(story: Story, case: Case) -> None:
    """Solution offered; the customer never answers and the desk closes it."""
    owner = await _triaged(story, case)
    await _fixed(story, case, owner)
    days = story.profile.closure.auto_close_after_business_days
    story.after(days * story.clock.hours.minutes_per_day + 30, spread=0)
    await story.save(auto_close(story.ticket, story.profile, story.at))


async def escalated(story: Story, case: Case) -> None:
    """Handed to Engineering, who owns the engineering; the owner keeps the customer."""
    owner = await _triaged(story, case)
    decider = case.cast.decider
    if decider is None:
        return await quick_fix(story, case)
    story.after(90)
    text = case.problem.description.splitlines()[0]
    handoff = Handoff(
        text, case.problem.notes[0], "", "", case.problem.answers.get("application", "n/a"),
        case.problem.root_cause, "Worked around by hand meanwhile.", "Confirm the fix.",
        story.ticket.priority,
    )  # fmt: skip
    escalations = story.services.escalations
    decision = escalate(story.ticket, owner, story.profile, story.at, handoff)
    story.ticket, request = await escalations.hand_off(decision, story.ticket.version)
    story.after(45)
    decision = accept(
        story.ticket, request, decider, story.profile, story.at, engineer_id=decider,
        keep_assignee=True,
    )  # fmt: skip
    story.ticket, request = await escalations.decide(decision, story.ticket.version)
    story.days(0.5)
    answers = {
        "root_cause": case.problem.root_cause,
        "corrective_action": case.problem.resolution,
        "preventive_action": "Added a check to the upgrade runbook.",
    }
    change, rcca = record_rcca(story.ticket, request, decider, story.profile, story.at, answers)
    story.ticket = await escalations.record_rcca(change, story.ticket.version, rcca)
    await _fixed(story, case, owner, rcca=rcca)
    await _confirmed(story, case, owner)


async def reopened(story: Story, case: Case) -> None:
    """Closed, back two days later on the customer's word, fixed for good."""
    await quick_fix(story, case)
    story.days(2)
    await story.do(
        reopen, case.cast.filer, reason="The customer sees it again.",
        source=ReopenSource.CUSTOMER_REPORT, reported_by=case.contact,
    )  # fmt: skip
    owner = story.ticket.assignee_id or case.cast.owners[0]
    story.after(40)
    await story.do(change_status, owner, TicketStatus.IN_PROGRESS)
    await _fixed(story, case, owner)
    await _confirmed(story, case, owner)


async def being_worked(story: Story, case: Case) -> None:
    """Assigned and answered; the owner is on it."""
    await _triaged(story, case)


async def just_arrived(story: Story, case: Case) -> None:
    """Filed; nobody has acknowledged it yet."""


Plot = Callable[[Story, Case], Awaitable[None]]
# Long lives first so they fit; the last ones stay open.
PLOTS: tuple[Plot, ...] = (reopened, escalated, silent_close, waits_on_contact, quick_fix)
EVERYDAY: tuple[Plot, ...] = (quick_fix, quick_fix, waits_on_contact, escalated, silent_close)


async def _file(story_of, services: AppServices, cast: Cast, n: int, at: datetime, key: str,
                rng: random.Random):  # fmt: skip
    problem = PROBLEMS[n % len(PROBLEMS)]
    customer = CUSTOMERS[n % len(CUSTOMERS)]
    profile = services.profile
    check = check_answers(profile, profile.intake, intake_answers(profile, problem, customer, rng))
    if not check.ok:
        raise ValueError(f"demo intake answers refused: {check.errors}")
    draft = check_draft(draft_from_answers(profile, check.values), profile)
    ticket, new = await services.tickets.create(draft, cast.filer, key, at)
    found = intake_escalations(profile, ticket.fields)
    if new and found:
        change = escalated_at_intake(ticket, found, at)
        ticket = await services.tickets.save(change.ticket, ticket.version, change.events)
    return story_of(ticket), Case(problem, customer[1], cast), new


async def fill_desk(
    services: AppServices, now: datetime, *, days: int = 10, seed: int = 7
) -> Tally:
    """Tell the desk's stories from `days` calendar days before `now` up to `now`; intake keys
    "demo:<seed>:<n>" make a second run skip what the first filed."""
    rng = random.Random(seed)
    clock = business_clock(services.profile)
    start = clock.next_open(now - timedelta(days=days))
    total = clock.between(start, now)
    count = max(len(PLOTS) + 3, round(total / clock.hours.minutes_per_day * 3))
    plots = [*PLOTS, *(rng.choice(EVERYDAY) for _ in range(count - len(PLOTS) - 3))]
    plots += [being_worked, just_arrived, just_arrived]
    step = max(total - 240, 1.0) / len(plots)
    cast, tally = Cast.of(services.profile), Tally()
    for n, plot in enumerate(plots, start=1):
        at = clock.add(start, min(step * (n - 1 + rng.uniform(0.05, 0.5)), total - 30))
        rng_n = random.Random(rng.random())

        def story_of(ticket, at=at, rng_n=rng_n):
            return Story(services, clock, now, rng_n, ticket, at)

        story, case, new = await _file(story_of, services, cast, n, at, f"demo:{seed}:{n}", rng_n)
        if not new:
            tally.skipped += 1
            continue
        try:
            await plot(story, case)
        except NotYet:
            tally.stopped_early += 1
        tally.stories[plot.__name__] = tally.stories.get(plot.__name__, 0) + 1
    return tally
