"""The kinds of ticket life the demo tells, from a quick fix to a reopen after an escalation.

Each plot takes a Story just after intake and plays it forward; a step still to come (NotYet)
ends it early, which is how the newest tickets stay open, waiting or overdue.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from scripts.demo_data.catalog import FOLLOW_UPS
from scripts.demo_data.phases import Case, confirmed, fix, start_work, triage
from scripts.demo_data.requests import capture_article, parts_quote, service_visit
from scripts.demo_data.steps import INTAKE_ADMIN, hand_to_engineering, write_rcca
from scripts.demo_data.story import Story
from services.service_requests import Billing
from services.tickets import ReopenSource, TicketStatus
from services.tickets.closure import auto_close
from services.tickets.workflow import change_status, reopen

# Who Engineering gives an escalation to, by issue type (someone else if they raised it).
ENGINEER_FOR = {"mechanical": "ezechiel", "controls": "kevin", "electrical": "sean"}


Plot = Callable[[Story, Case], Awaitable[None]]


async def quick_fix(story: Story, case: Case) -> None:
    """Acknowledged on time, fixed remotely, closed on the customer's word."""
    worker = await triage(story)
    await start_work(story, case, worker)
    await fix(story, case, worker)
    await confirmed(story, case, worker)


async def late_ack_silent_close(story: Story, case: Case) -> None:
    """Acknowledged late; resolved, then closed after five business days of silence."""
    worker = await triage(story, late=True, raise_to="high")
    await start_work(story, case, worker)
    await fix(story, case, worker)
    # Exactly past the closure policy's silence, as the nightly auto-close would find it.
    policy_days = story.profile.closure.auto_close_after_business_days
    story.after(policy_days * story.clock.hours.minutes_per_day + 30, spread=0)
    await story.save(auto_close(story.ticket, story.profile, story.at))


async def waits_on_customer(story: Story, case: Case) -> None:
    """Waits for the customer's video before the fix."""
    worker = await triage(story)
    await start_work(story, case, worker)
    story.after(15)
    await story.do(change_status, worker, TicketStatus.WAITING_ON_CUSTOMER, note=FOLLOW_UPS[1])
    story.days(1)
    await story.do(change_status, worker, TicketStatus.IN_PROGRESS, note=FOLLOW_UPS[0])
    await fix(story, case, worker)
    await confirmed(story, case, worker)


async def needs_parts(story: Story, case: Case) -> None:
    """Waits on a quoted, ordered and delivered part, then the fix."""
    worker = await triage(story)
    await start_work(story, case, worker)
    story.after(30)
    await story.do(
        change_status, worker, TicketStatus.WAITING_ON_OTHER, note="Part needed, quote asked."
    )
    await parts_quote(story, case.problem, quantity=story.rng.choice((1, 2, 4)))
    story.after(60)
    await story.do(change_status, worker, TicketStatus.IN_PROGRESS, note="Part arrived on site.")
    await fix(story, case, worker)
    await confirmed(story, case, worker)


async def escalated_with_rcca(story: Story, case: Case) -> None:
    """Troubleshooting hits its limit: Engineering takes it, records the RCCA, fixes it."""
    worker = await triage(story)
    await start_work(story, case, worker)
    story.after(180)
    preferred = ENGINEER_FOR.get(case.problem.issue_type, "ezechiel")
    engineer = next(p for p in (preferred, "sean", "kevin") if p != worker)
    await hand_to_engineering(story, case.problem, engineer)
    story.after(60)
    story.days(0.5)
    await write_rcca(story, case.problem)
    rcca = await story.services.escalations.rcca_for(story.ticket)
    await fix(story, case, engineer, kb=True, rcca=rcca)
    await capture_article(story, publish_it=True)
    await confirmed(story, case, engineer)


async def escalation_pending(story: Story, case: Case) -> None:
    """Escalated today; the engineering manager has not answered yet."""
    worker = await triage(story)
    await start_work(story, case, worker)
    story.after(60)
    await hand_to_engineering(story, case.problem, None)


async def on_site_billable(story: Story, case: Case) -> None:
    """Needs a technician on site, billed to the customer: scheduled straight away."""
    worker = await triage(story)
    await start_work(story, case, worker)
    story.after(60)
    await service_visit(story, case.customer, Billing.BILLABLE)
    story.days(2)
    await fix(story, case, worker)
    await confirmed(story, case, worker)


async def on_site_warranty(story: Story, case: Case) -> None:
    """Warranty visit: non-billable, approved by the engineering manager, then scheduled."""
    worker = await triage(story)
    await start_work(story, case, worker)
    story.after(60)
    await service_visit(story, case.customer, Billing.NON_BILLABLE)
    story.days(2)
    await fix(story, case, worker)


async def awaiting_approval(story: Story, case: Case) -> None:
    """Warranty visit filed, still waiting for the engineering manager's approval."""
    worker = await triage(story)
    await start_work(story, case, worker)
    story.after(30)
    await service_visit(story, case.customer, Billing.NON_BILLABLE, decide=False)


async def worth_an_article(story: Story, case: Case) -> None:
    """A fix worth a KB article: drafted from the ticket, left for the owner to publish."""
    worker = await triage(story)
    await start_work(story, case, worker)
    await fix(story, case, worker, kb=True)
    await capture_article(story, publish_it=False)
    await confirmed(story, case, worker)


async def reopened(story: Story, case: Case) -> None:
    """Closed on the customer's word, back two days later, fixed for good the second time."""
    worker = await triage(story)
    await start_work(story, case, worker)
    await fix(story, case, worker)
    await confirmed(story, case, worker)
    story.days(story.rng.choice((1.5, 2)))
    await story.do(
        reopen,
        INTAKE_ADMIN,
        reason="Customer reports the same fault again.",
        source=ReopenSource.CUSTOMER_REPORT,
        reported_by=case.customer.contact,
    )
    story.after(40)
    await story.do(
        change_status, worker, TicketStatus.IN_PROGRESS, note="Back on it; checking what we missed."
    )
    await fix(story, case, worker)
    await confirmed(story, case, worker)


async def in_progress_quietly(story: Story, case: Case) -> None:
    """Assigned and started, but nobody has answered the customer yet."""
    worker = await triage(story)
    story.after(30)
    await story.do(change_status, worker, TicketStatus.IN_PROGRESS)


async def just_arrived(story: Story, case: Case) -> None:
    """Filed by the intake admin; nobody has acknowledged it yet."""


# Long lives first, so they fit between the start of the window and now.
OPENERS: tuple[Plot, ...] = (
    reopened,
    escalated_with_rcca,
    late_ack_silent_close,
    needs_parts,
    on_site_billable,
    worth_an_article,
    on_site_warranty,
    waits_on_customer,
)
EVERYDAY: tuple[Plot, ...] = (
    quick_fix,
    quick_fix,
    quick_fix,
    waits_on_customer,
    late_ack_silent_close,
    worth_an_article,
    needs_parts,
    on_site_billable,
    escalated_with_rcca,
)
# The last few hours: still open, some past their deadlines so the SLA alerts have work.
CLOSERS: tuple[Plot, ...] = (awaiting_approval, escalation_pending, in_progress_quietly)
FRESH: tuple[Plot, ...] = (just_arrived, just_arrived)
