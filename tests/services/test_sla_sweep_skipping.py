"""A ticket the SLA sweep cannot read, check or record is skipped, logged once; the rest alert."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from services.db import Database
from services.db.schema import ticket_events, tickets
from services.scheduler import skipping
from services.sla import alert_rows, sweep
from services.sla.policy import Deadline, Threshold
from services.sla.sweep import SlaSweep
from services.tickets import EventKind, Ticket, TicketRepository
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM

ACK_WARNING = (Deadline.ACKNOWLEDGE, Threshold.WARNING)


def at(minutes: int):
    """Monday 30 Nov 2026, this many minutes after 09:00 Pacific."""
    return MONDAY_9AM + timedelta(minutes=minutes)


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ticket skipped yet by this process (other tests' tickets have the same ids)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


async def three_due(database: Database) -> tuple[Ticket, Ticket, Ticket]:
    """Three tickets filed a minute apart: each warned of acknowledgement 45 minutes later."""
    repo = TicketRepository(database, BESTPACK)
    filed = [(await repo.create(DRAFT, "mary", None, at(minute)))[0] for minute in range(3)]
    return filed[0], filed[1], filed[2]


async def next_check(database: Database, ticket: Ticket):
    """The ticket's stored next_sla_check_at."""
    async with database.engine.connect() as connection:
        query = select(tickets.c.next_sla_check_at).where(tickets.c.id == ticket.id)
        return await connection.scalar(query)


async def sweep_as_the_job_does(database: Database, now) -> list[str]:
    """A new sweep, as each minute's job makes: what it found, recorded; the tickets alerted."""
    job = SlaSweep(database, BESTPACK)
    batch = await job.pending(now)
    await job.record(batch)
    return [alert.ticket.number for alert in batch.alerts]


class Broken(Exception):
    """What the broken ticket raises."""


def broken_reading(monkeypatch: pytest.MonkeyPatch, bad: Ticket) -> None:
    """Reading the ticket's row fails, and with it the batch's query."""
    original = sweep.ticket_from_row

    def reading(row):
        if row["id"] == bad.id:
            raise Broken(f"row {bad.id} is unreadable")
        return original(row)

    monkeypatch.setattr(sweep, "ticket_from_row", reading)


def broken_checking(monkeypatch: pytest.MonkeyPatch, bad: Ticket) -> None:
    """Working out the ticket's deadlines fails."""
    original = sweep.sla_checks

    def checking(ticket, profile):
        if ticket.id == bad.id:
            raise Broken(f"ticket {bad.id} has impossible deadlines")
        return original(ticket, profile)

    monkeypatch.setattr(sweep, "sla_checks", checking)


def broken_recording(monkeypatch: pytest.MonkeyPatch, bad: Ticket) -> None:
    """Writing the ticket's alert and next check fails, and with it the batch's transaction."""
    original = alert_rows.write

    async def writing(db, rows, next_checks):
        if any(check["t_id"] == bad.id for check in next_checks):
            raise Broken(f"ticket {bad.id}'s rows are refused")
        await original(db, rows, next_checks)

    monkeypatch.setattr(alert_rows, "write", writing)


def skipped_logs(caplog: pytest.LogCaptureFixture, ticket: Ticket) -> list[str]:
    """The error lines about skipping this ticket."""
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.ERROR and f"ticket id {ticket.id}," in r.getMessage()
    ]


@pytest.mark.parametrize("breaks", [broken_reading, broken_checking, broken_recording])
async def test_one_broken_ticket_is_skipped_and_logged_once_and_the_others_alert(
    database: Database, caplog: pytest.LogCaptureFixture, breaks
) -> None:
    first, bad, last = await three_due(database)
    with pytest.MonkeyPatch.context() as broken:
        breaks(broken, bad)

        alerted = await sweep_as_the_job_does(database, at(47))
        assert first.number in alerted and last.number in alerted
        for ticket in (first, last):
            recorded = await SlaSweep(database, BESTPACK).recorded(ticket.id)
            assert [(r.deadline, r.threshold) for r in recorded] == [ACK_WARNING]
            # Next: its acknowledgement deadline itself, an hour after it was filed.
            assert await next_check(database, ticket) == ticket.created_at + timedelta(hours=1)
        # The broken one stays unrecorded and due, and the next minute's sweep meets it again...
        assert await SlaSweep(database, BESTPACK).recorded(bad.id) == []
        assert await next_check(database, bad) == at(46)
        await sweep_as_the_job_does(database, at(48))
    # ...but it was logged once, with its id and its error.
    assert skipped_logs(caplog, bad) == [
        f"SLA sweep (bestpack) skipped ticket id {bad.id}, which failed; the others went on"
    ]
    assert [type(r.exc_info[1]) for r in caplog.records if r.exc_info] == [Broken]

    # Mended, it alerts and is forgotten: should it break again, that is news again.
    assert await sweep_as_the_job_does(database, at(49)) == [bad.number]
    assert bad.id not in SlaSweep(database, BESTPACK).skipped.known(at(49))


async def test_a_note_postgresql_cannot_add_up_skips_only_its_ticket(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    first, bad, last = await three_due(database)
    odd = {
        "ticket_id": bad.id,
        "at": at(3),
        "actor_id": "kevin",
        "kind": EventKind.NOTE.value,
        "visibility": "internal",
        "body": "Minutes typed as words, by a tool long gone",
        "after": {"minutes": "ninety"},
    }
    async with database.engine.begin() as connection:
        await connection.execute(insert(ticket_events).values(**odd))

    alerted = await sweep_as_the_job_does(database, at(47))

    if database.dialect == "postgresql":  # "ninety" is no NUMERIC there: the query fails
        assert alerted == [first.number, last.number]
        assert len(skipped_logs(caplog, bad)) == 1
    else:  # SQLite counts it as 0 minutes
        assert alerted == [first.number, bad.number, last.number]


async def test_each_sweep_the_job_makes_shares_the_process_memory(database: Database) -> None:
    assert SlaSweep(database, BESTPACK).skipped is SlaSweep(database, BESTPACK).skipped
