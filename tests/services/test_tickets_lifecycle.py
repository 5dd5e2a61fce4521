"""Whole ticket lives through the repository (SQLite and PostgreSQL), reloaded at every step."""

from datetime import datetime, timedelta

import pytest

from services.db import Database
from services.tickets import (
    SYSTEM_ACTOR,
    Change,
    Confirmation,
    ConfirmationChannel,
    EventKind,
    ReopenSource,
    Ticket,
    TicketDraft,
    TicketRepository,
    TicketRuleError,
    TicketStatus,
    Visibility,
)
from services.tickets import workflow as w
from tests.harness.domain import BESTPACK, MONDAY_9AM, weekdays_later

S = TicketStatus
DRAFT = TicketDraft(subject="PLC faults on start", issue_type="controls", complexity="standard")


class Desk:
    """A repository that saves each change and checks the reload equals what was saved."""

    def __init__(self, db: Database) -> None:
        self.repo = TicketRepository(db, BESTPACK)

    async def open(self, key: str = "form-1", at: datetime = MONDAY_9AM) -> Ticket:
        ticket, _ = await self.repo.create(DRAFT, "mary", key, at)
        return ticket

    async def apply(self, ticket: Ticket, *changes: Change) -> Ticket:
        """Save the last change's ticket with every change's events; return the reload."""
        events = tuple(e for change in changes for e in change.events)
        saved = await self.repo.save(changes[-1].ticket, ticket.version, events)
        reloaded = await self.repo.get(ticket.number)
        # Values read back from the timeline must match what the commands computed.
        assert reloaded == saved
        return reloaded


async def test_a_ticket_goes_from_intake_to_confirmed_closure_and_the_timeline_tells_it(
    database: Database,
) -> None:
    desk = Desk(database)
    t = await desk.open()
    at = iter(MONDAY_9AM + timedelta(minutes=10 * i) for i in range(1, 20))

    acked = w.acknowledge(t, "mary", BESTPACK, next(at))
    t = await desk.apply(
        t, acked, w.assign(acked.ticket, "mary", BESTPACK, next(at), assignee_id="kevin")
    )
    t = await desk.apply(t, w.change_status(t, "kevin", BESTPACK, next(at), S.IN_PROGRESS))
    replied_at = next(at)
    t = await desk.apply(
        t, w.add_note(t, "kevin", BESTPACK, replied_at, "Send the log", public=True, minutes=20)
    )
    t = await desk.apply(t, w.change_status(t, "kevin", BESTPACK, next(at), S.WAITING_ON_CUSTOMER))
    t = await desk.apply(t, w.add_note(t, "kevin", BESTPACK, next(at), "Log arrived", minutes=15))
    t = await desk.apply(t, w.change_status(t, "kevin", BESTPACK, next(at), S.IN_PROGRESS))
    t = await desk.apply(t, w.resolve(t, "kevin", BESTPACK, next(at), "Re-flashed firmware 2.14"))
    jane = Confirmation("Jane Roe", ConfirmationChannel.EMAIL)
    closed_at = next(at)
    t = await desk.apply(t, w.close(t, "kevin", BESTPACK, closed_at, confirmation=jane))

    assert (t.status, t.version) == (S.CLOSED, 9)
    assert (t.first_response_at, t.closed_at, t.status_changed_at) == (
        replied_at,
        closed_at,
        closed_at,
    )
    assert t.time_spent_minutes == 35
    timeline = await desk.repo.events(t.id)
    assert [e.kind.value for e in timeline] == [
        "created", "acknowledged", "assigned", "status_changed", "note", "status_changed",
        "note", "status_changed", "resolved", "closed",
    ]  # fmt: skip
    assert [e.visibility for e in timeline].count(Visibility.PUBLIC) == 1
    assert timeline[-2].body == "Re-flashed firmware 2.14"
    assert timeline[-1].after["confirmed_by"] == "Jane Roe"
    assert [e.at for e in timeline] == sorted(e.at for e in timeline)


async def test_assigning_without_the_skill_stores_nothing_but_an_override_is_kept(
    database: Database,
) -> None:
    desk = Desk(database)
    t = await desk.open()
    with pytest.raises(TicketRuleError, match="Jordan lacks PLC"):
        w.assign(t, "mary", BESTPACK, MONDAY_9AM, assignee_id="jordan")
    assert await desk.repo.get(t.number) == t

    change = w.assign(
        t, "mary", BESTPACK, MONDAY_9AM, assignee_id="jordan", override_reason="On site"
    )
    t = await desk.apply(t, change)

    stored = (await desk.repo.events(t.id))[-1]
    assert (stored.kind, stored.body, stored.actor_id) == (EventKind.ASSIGNED, "On site", "mary")
    assert stored.after == {
        "status": "assigned",
        "assignee_id": "jordan",
        "override": {"missing_skills": ["plc"], "works_tickets": True},
    }


async def test_silence_counts_from_when_the_stored_ticket_began_to_wait(database: Database) -> None:
    desk = Desk(database)
    t = await desk.open()
    t = await desk.apply(t, w.assign(t, "mary", BESTPACK, MONDAY_9AM, assignee_id="kevin"))
    t = await desk.apply(
        t, w.change_status(t, "kevin", BESTPACK, MONDAY_9AM, S.WAITING_ON_CUSTOMER)
    )
    # A reminder two days later changes the ticket but not its status: the wait goes on.
    t = await desk.apply(
        t, w.add_note(t, "kevin", BESTPACK, weekdays_later(2), "Reminder", public=True)
    )

    assert (t.status_changed_at, t.updated_at) == (MONDAY_9AM, weekdays_later(2))
    assert w.business_days_without_answer(t, BESTPACK, weekdays_later(5)) == 5.0
    summary = "No answer to two reminders; the reset we advised most likely fixed it."
    t = await desk.apply(t, w.close(t, "kevin", BESTPACK, weekdays_later(5), resolution=summary))
    assert t.status is S.CLOSED


async def test_a_silent_resolved_ticket_becomes_eligible_and_the_system_closes_it(
    database: Database,
) -> None:
    desk = Desk(database)
    t = await desk.open()
    t = await desk.apply(t, w.assign(t, "mary", BESTPACK, MONDAY_9AM, assignee_id="kevin"))
    t = await desk.apply(t, w.resolve(t, "kevin", BESTPACK, MONDAY_9AM, "Replaced the sensor"))

    assert w.auto_close_refusal(t, BESTPACK, weekdays_later(4)) is not None
    assert w.auto_close_refusal(t, BESTPACK, weekdays_later(5)) is None
    t = await desk.apply(t, w.auto_close(t, BESTPACK, weekdays_later(5)))

    closing = (await desk.repo.events(t.id))[-1]
    assert (t.status, closing.actor_id) == (S.CLOSED, SYSTEM_ACTOR)
    assert closing.after["closed_because"] == "no_answer"


async def test_reopens_are_counted_on_the_stored_ticket(database: Database) -> None:
    desk = Desk(database)
    t = await desk.open()
    t = await desk.apply(t, w.assign(t, "mary", BESTPACK, MONDAY_9AM, assignee_id="kevin"))
    t = await desk.apply(t, w.resolve(t, "kevin", BESTPACK, MONDAY_9AM, "Tightened terminal 4"))
    t = await desk.apply(
        t,
        w.reopen(
            t,
            "mary",
            BESTPACK,
            weekdays_later(1),
            reason="Fault is back",
            source=ReopenSource.CUSTOMER_REPORT,
            reported_by="Jane Roe, by phone",
        ),
    )
    assert (t.status, t.assignee_id, t.reopen_count, t.resolved_at) == (
        S.ASSIGNED,
        "kevin",
        1,
        None,
    )

    resolved = w.resolve(t, "kevin", BESTPACK, weekdays_later(2), "Replaced terminal block")
    closed = w.close(
        resolved.ticket, "kevin", BESTPACK, weekdays_later(2),
        confirmation=Confirmation("Jane Roe", ConfirmationChannel.PHONE),
    )  # fmt: skip
    t = await desk.apply(t, resolved, closed)
    t = await desk.apply(t, w.reopen(t, "kevin", BESTPACK, weekdays_later(3), reason="Wrong part"))

    assert t.reopen_count == 2
    reopens = [e for e in await desk.repo.events(t.id) if e.kind is EventKind.REOPENED]
    assert [(e.actor_id, e.body, e.after["source"]) for e in reopens] == [
        ("mary", "Fault is back", "customer_report"),
        ("kevin", "Wrong part", "staff"),
    ]
