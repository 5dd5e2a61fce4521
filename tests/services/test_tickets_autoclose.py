"""What closure records and how it reads; the silent close a scheduler runs, on a database."""

from datetime import datetime, timedelta
from types import SimpleNamespace

from services.db import Database
from services.tickets import (
    SYSTEM_ACTOR,
    Confirmation,
    ConfirmationChannel,
    EventKind,
    StaleTicket,
    Ticket,
    TicketDraft,
    TicketEvent,
    TicketRepository,
    TicketStatus,
)
from services.tickets.autoclose import close_silent_tickets
from services.tickets.describe import describe
from services.tickets.workflow import add_note, assign, change_status, close, reopen, resolve
from tests.harness.domain import (
    BESTPACK,
    MONDAY_9AM,
    assigned_to,
    only_event,
    resolved_by,
    weekdays_later,
)

S = TicketStatus


def test_resolve_records_the_root_cause_the_kb_flag_and_the_request_to_the_customer() -> None:
    ticket = assigned_to("kevin", status=S.IN_PROGRESS)
    event = only_event(
        resolve(
            ticket,
            "kevin",
            BESTPACK,
            MONDAY_9AM,
            "Replaced the I/O card",
            root_cause=" Corroded connector ",
            kb_article=True,
            confirmation_requested=True,
        )
    )
    assert event.after == {
        "status": "resolved",
        "resolved_at": MONDAY_9AM.isoformat(),
        "root_cause": "Corroded connector",
        "kb_article": True,
        "confirmation_requested": True,
    }
    line = describe(BESTPACK, event)
    assert line == (
        "Kevin resolved it: Replaced the I/O card (root cause: Corroded connector; "
        "worth a KB article; customer asked to confirm)"
    )


def test_a_blank_root_cause_and_no_kb_answer_record_nothing() -> None:
    ticket = assigned_to("kevin")
    event = only_event(resolve(ticket, "kevin", BESTPACK, MONDAY_9AM, "Fixed", root_cause="  "))
    assert set(event.after or {}) == {"status", "resolved_at"}
    event = only_event(resolve(ticket, "kevin", BESTPACK, MONDAY_9AM, "Fixed", kb_article=False))
    assert event.after["kb_article"] is False
    assert describe(BESTPACK, event) == "Kevin resolved it: Fixed"


def test_the_timeline_says_why_a_ticket_closed_and_where_a_reopen_came_from() -> None:
    dana = Confirmation("Dana Lee", ConfirmationChannel.ON_SITE)
    closed = close(resolved_by("kevin"), "kevin", BESTPACK, MONDAY_9AM, confirmation=dana)
    assert describe(BESTPACK, only_event(closed)) == (
        "Kevin closed it: Dana Lee confirmed the fix on site"
    )
    silent = TicketEvent(
        EventKind.CLOSED,
        SYSTEM_ACTOR,
        MONDAY_9AM,
        after={"closed_because": "no_answer", "business_days_without_answer": 5.0},
    )
    assert describe(BESTPACK, silent) == (
        "The desk closed it: no answer from the customer in 5.0 business days"
    )
    reported = reopen(
        closed.ticket,
        "mary",
        BESTPACK,
        MONDAY_9AM,
        reason="Jams again",
        source="customer_report",
        reported_by="Dana",
    )
    assert describe(BESTPACK, only_event(reported)) == (
        "Mary reopened it (reopen #1, customer report from Dana): Jams again"
    )


def test_a_note_with_time_spent_shows_the_minutes() -> None:
    noted = add_note(assigned_to("kevin"), "kevin", BESTPACK, MONDAY_9AM, "Checked", minutes=45)
    assert describe(BESTPACK, only_event(noted)) == "Kevin added a note (45 min): Checked"


async def filed(repo: TicketRepository, subject: str, *steps, at: datetime = MONDAY_9AM) -> Ticket:
    """A ticket filed at `at`, then each step (ticket, at) → Change, saved once."""
    ticket, _ = await repo.create(TicketDraft(subject), "mary", subject, at)
    current, events = ticket, []
    for step in steps:
        current, new = step(current, at)
        events.extend(new)
    return await repo.save(current, ticket.version, events) if events else ticket


def to_kevin(ticket: Ticket, at: datetime):
    """Mary assigns to Kevin."""
    return assign(ticket, "mary", BESTPACK, at, assignee_id="kevin")


def resolved(ticket: Ticket, at: datetime):
    """Kevin resolves."""
    return resolve(ticket, "kevin", BESTPACK, at, "Fixed")


def waiting(ticket: Ticket, at: datetime):
    """Kevin waits on the customer."""
    return change_status(ticket, "kevin", BESTPACK, at, S.WAITING_ON_CUSTOMER)


async def test_tickets_are_found_by_workflow_status(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    await filed(repo, "new")
    done = await filed(repo, "resolved", to_kevin, resolved)
    asked = await filed(repo, "waiting", to_kevin, waiting)
    await filed(repo, "assigned", to_kevin)

    found = await repo.with_status(["resolved", S.WAITING_ON_CUSTOMER])

    assert [t.subject for t in found] == ["resolved", "waiting"]
    assert [t.version for t in found] == [done.version, asked.version]
    assert await repo.with_status([S.CLOSED]) == []


async def test_silent_tickets_close_after_the_policys_business_days(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    await filed(repo, "resolved monday", to_kevin, resolved)
    await filed(repo, "resolved tuesday", to_kevin, resolved, at=weekdays_later(1))
    await filed(repo, "waiting, never resolved", to_kevin, waiting)
    app = SimpleNamespace(profile=BESTPACK, tickets=repo)

    assert await close_silent_tickets(app, weekdays_later(5) - timedelta(minutes=1)) == []
    assert await close_silent_tickets(app, weekdays_later(5)) == ["BP-1001"]
    assert await close_silent_tickets(app, weekdays_later(6)) == ["BP-1002"]
    closed = await repo.get("BP-1001")
    assert (closed.status, closed.closed_at) == (S.CLOSED, weekdays_later(5))
    last = (await repo.events(closed.id))[-1]
    assert (last.kind, last.actor_id) == (EventKind.CLOSED, SYSTEM_ACTOR)
    assert (await repo.get("BP-1003")).status is S.WAITING_ON_CUSTOMER


class RacingRepository:
    """A repository whose first save loses a race with someone acting on the same ticket."""

    def __init__(self, repo: TicketRepository) -> None:
        self.repo, self.raced = repo, False

    async def with_status(self, statuses):
        return await self.repo.with_status(statuses)

    async def save(self, ticket: Ticket, version: int, events):
        if not self.raced:
            self.raced = True
            raise StaleTicket(ticket.number, version, version + 1)
        return await self.repo.save(ticket, version, events)


async def test_a_ticket_changed_meanwhile_is_left_for_the_next_run(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    await filed(repo, "first", to_kevin, resolved)
    await filed(repo, "second", to_kevin, resolved)
    app = SimpleNamespace(profile=BESTPACK, tickets=RacingRepository(repo))

    assert await close_silent_tickets(app, weekdays_later(5)) == ["BP-1002"]
    assert (await repo.get("BP-1001")).status is S.RESOLVED
    assert await close_silent_tickets(app, weekdays_later(5)) == ["BP-1001"]
    assert (await repo.get("BP-1001")).status is S.CLOSED
