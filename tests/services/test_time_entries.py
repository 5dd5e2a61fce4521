"""Time worked on a ticket: the `time` rule (who, how much, which day) and the stored entries,
which count in the ticket's time beside its notes' minutes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from services.db import Database
from services.db.schema import time_entries
from services.profile import load_profile
from services.tickets import (
    Ticket,
    TicketRepository,
    TicketRuleError,
    TicketStatus,
    check_draft,
    draft_from_answers,
)
from services.tickets.workflow import add_note
from services.time_entries import TimeEntryRepository, log_time, spoken
from tests.harness.harvest import ANSWERS

# 23:30 UTC on Monday 7 Dec is 17:30 in Chicago; 06:30 UTC on Tuesday is still Monday there.
MONDAY_EVENING = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)
MONDAY_LATE = datetime(2026, 12, 8, 5, 59, tzinfo=UTC)
TUESDAY_EARLY = datetime(2026, 12, 8, 6, 0, tzinfo=UTC)


async def filed(database: Database):
    profile = load_profile("kinetic")
    tickets = TicketRepository(database, profile)
    draft = check_draft(draft_from_answers(profile, ANSWERS), profile)
    ticket, _ = await tickets.create(draft, "sam", "form-1", MONDAY_EVENING)
    return profile, tickets, ticket


async def test_entries_and_notes_make_the_tickets_time_and_are_read_back_in_order(
    database: Database,
) -> None:
    profile, tickets, ticket = await filed(database)
    entries = TimeEntryRepository(database, profile)

    first = await entries.add(log_time(ticket, "sam", profile, MONDAY_EVENING, 45, " call "))
    await entries.add(log_time(ticket, "erin", profile, TUESDAY_EARLY, 90))
    noted = add_note(ticket, "sam", profile, MONDAY_EVENING, "read the logs", minutes=20)
    await tickets.save(noted.ticket, ticket.version, noted.events)

    read = await entries.of_ticket(ticket.id)
    assert [(e.person_id, e.minutes, e.note) for e in read] == [
        ("sam", 45, "call"),
        ("erin", 90, None),
    ]
    assert [e.spent_date.isoformat() for e in read] == ["2026-12-07", "2026-12-08"]
    assert {(e.ticket_number, e.profile, e.harvest_id) for e in read} == {
        ("KD-1001", "kinetic", None)
    }
    assert (await tickets.get("KD-1001")).time_spent_minutes == 45 + 90 + 20
    await entries.sent(first.id, "636718192")
    assert (await entries.get(first.id)).harvest_id == "636718192"
    assert await entries.get(first.id + 99) is None
    assert not entries.sends  # no outbound: stored only


async def test_the_database_refuses_an_entry_of_more_than_a_day(
    database: Database,
) -> None:
    _, _, ticket = await filed(database)
    row = {
        "profile": "kinetic",
        "ticket_id": ticket.id,
        "person_id": "sam",
        "minutes": 1441,
        "spent_date": MONDAY_EVENING.date(),
        "created_at": MONDAY_EVENING,
    }
    with pytest.raises(IntegrityError):
        async with database.engine.begin() as connection:
            await connection.execute(insert(time_entries).values(**row))


def test_the_day_worked_is_the_teams_day() -> None:
    profile = load_profile("kinetic")  # America/Chicago
    ticket = _ticket()
    assert log_time(ticket, "sam", profile, MONDAY_LATE, 30).spent_date.isoformat() == "2026-12-07"
    assert log_time(ticket, "sam", profile, TUESDAY_EARLY, 30).spent_date.isoformat() == (
        "2026-12-08"
    )


@pytest.mark.parametrize(
    ("actor", "minutes", "note", "refusal"),
    [
        ("sam", None, "", "How long did you work on KD-1001?"),
        ("sam", 0, "", "Time worked must be at least a minute."),
        ("sam", 1441, "", r"Time worked is at most 1440 minutes \(a day\) per entry"),
        ("sam", 30, "x" * 1001, "That note is too long, so nothing was saved."),
        ("stranger", 30, "", "nobody with the id 'stranger' is on the roster"),
    ],
)
def test_what_the_rule_refuses_it_says_in_words(actor, minutes, note, refusal) -> None:
    profile = load_profile("kinetic")
    with pytest.raises(TicketRuleError, match=refusal):
        log_time(_ticket(), actor, profile, MONDAY_EVENING, minutes, note)


def test_a_day_and_a_closed_ticket_are_taken() -> None:
    profile = load_profile("kinetic")
    closed = replace(_ticket(), status=TicketStatus.CLOSED)
    assert log_time(closed, "sam", profile, MONDAY_EVENING, 1440).minutes == 1440


@pytest.mark.parametrize(
    ("minutes", "said"), [(1, "1 min"), (45, "45 min"), (60, "1 h"), (90, "1 h 30 min")]
)
def test_minutes_are_said_as_people_say_them(minutes, said) -> None:
    assert spoken(minutes) == said


def _ticket() -> Ticket:
    at = MONDAY_EVENING - timedelta(hours=1)
    return Ticket(1, "KD-1001", "kinetic", TicketStatus.NEW, "medium", "Approval", "sam", at, at)
