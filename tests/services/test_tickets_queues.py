"""The bot's queues on SQLite and PostgreSQL: what each shows and in which order."""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from services.db import Database
from services.profile import Profile
from services.tickets import Change, Ticket, TicketDraft, TicketRepository, TicketStatus
from services.tickets.workflow import acknowledge, assign, change_status, resolve
from tests.harness.domain import BESTPACK, MONDAY_9AM, bestpack_variant

Step = Callable[[Ticket, datetime], Change]
DRAFT = TicketDraft(subject="Case erector misfeeds", issue_type="other")


def acked(ticket: Ticket, at: datetime) -> Change:
    """Mary acknowledges."""
    return acknowledge(ticket, "mary", BESTPACK, at)


def to(person_id: str) -> Step:
    """Mary assigns to `person_id`."""
    return lambda ticket, at: assign(ticket, "mary", BESTPACK, at, assignee_id=person_id)


def status(target: TicketStatus) -> Step:
    """The assignee moves the ticket to `target`."""
    return lambda ticket, at: change_status(ticket, ticket.assignee_id or "", BESTPACK, at, target)


def resolved(ticket: Ticket, at: datetime) -> Change:
    """Allison resolves."""
    return resolve(ticket, "allison", BESTPACK, at, "Adjusted the guide rails")


async def ticket(
    repo: TicketRepository,
    name: str,
    *steps: Step,
    priority: str = "normal",
    minutes: int = 0,
) -> str:
    """A ticket (subject `name`) created `minutes` after Monday 09:00, after `steps`."""
    created_at = MONDAY_9AM + timedelta(minutes=minutes)
    draft = replace(DRAFT, subject=name, priority=priority)
    current, _ = await repo.create(draft, "mary", name, created_at)
    start, events = current, []
    for step in steps:
        current, new_events = step(current, created_at + timedelta(minutes=1))
        events.extend(new_events)
    await repo.save(current, start.version, events)
    return name


def subjects(tickets: list[Ticket]) -> list[str]:
    """The queue as subjects, in order."""
    return [t.subject for t in tickets]


async def test_a_technicians_queue_puts_acknowledgements_due_first_then_priority_waits_last(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    waiting = await ticket(
        repo,
        "waiting",
        acked,
        to("kevin"),
        status(TicketStatus.WAITING_ON_OTHER),
        priority="urgent",
    )
    normal_older = await ticket(repo, "normal older", acked, to("kevin"), minutes=-120)
    normal_newer = await ticket(repo, "normal newer", acked, to("kevin"), minutes=-90)
    urgent = await ticket(
        repo, "urgent", acked, to("kevin"), status(TicketStatus.IN_PROGRESS), priority="urgent"
    )
    # The earlier acknowledgement deadline wins over the higher priority.
    due_later = await ticket(repo, "ack due later", to("kevin"), priority="high", minutes=30)
    due_first = await ticket(repo, "ack due first", to("kevin"), priority="low")
    await ticket(repo, "resolved", acked, to("kevin"), resolved)
    await ticket(repo, "sean's", acked, to("sean"), priority="urgent")

    queue = await repo.open_for_assignee("kevin")

    assert subjects(queue) == [due_first, due_later, urgent, normal_older, normal_newer, waiting]
    assert await repo.open_for_assignee("jordan") == []


async def test_triage_sees_unacknowledged_or_unassigned_tickets_most_urgent_first(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    acked_high = await ticket(repo, "acked high", acked, priority="high", minutes=-60)
    assigned_unacked = await ticket(repo, "assigned unacked", to("sean"))
    acked_urgent = await ticket(repo, "acked urgent", acked, priority="urgent", minutes=-30)
    unacked = await ticket(repo, "unacked", minutes=30)
    await ticket(repo, "done with", acked, to("sean"))
    await ticket(repo, "resolved", resolved)

    queue = await repo.untriaged_or_unassigned()

    assert subjects(queue) == [assigned_unacked, unacked, acked_urgent, acked_high]
    assert queue[0].assignee_id == "sean" and queue[2].acknowledged_at is not None


async def test_open_counts_include_waiting_tickets_but_not_finished_ones(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    await ticket(repo, "a", to("kevin"))
    await ticket(repo, "b", to("kevin"), status(TicketStatus.WAITING_ON_CUSTOMER))
    await ticket(repo, "c", to("kevin"), resolved)
    await ticket(repo, "d", to("sean"))
    await ticket(repo, "e")

    assert await repo.open_counts_by_assignee() == {"kevin": 2, "sean": 1}


async def test_queues_only_show_the_repositorys_own_profile(database: Database) -> None:
    sister: Profile = bestpack_variant(lambda data: data.update(name="bestpack-eu"))
    here, there = TicketRepository(database, BESTPACK), TicketRepository(database, sister)
    await ticket(there, "elsewhere", to("kevin"))
    await ticket(here, "here", to("kevin"))

    assert subjects(await here.open_for_assignee("kevin")) == ["here"]
    assert subjects(await here.untriaged_or_unassigned()) == ["here"]
    assert await here.open_counts_by_assignee() == {"kevin": 1}
    assert subjects(await there.open_for_assignee("kevin")) == ["elsewhere"]
