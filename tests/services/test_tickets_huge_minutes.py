"""Minutes worked: a note logs at most a day, and a huge total stored earlier still reads."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert

from services.db import Database
from services.db.schema import ticket_events
from services.sla.policy import Deadline, Threshold
from services.sla.sweep import SlaSweep
from services.tickets import EventKind, Ticket, TicketRepository, TicketRuleError
from services.tickets.workflow import add_note, assign
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM, assigned_to

LEGACY_MINUTES = 3_000_000_000  # beyond PostgreSQL's 32-bit INTEGER


def at(minutes: int):
    """Monday 30 Nov 2026, this many minutes after 09:00 Pacific."""
    return MONDAY_9AM + timedelta(minutes=minutes)


def test_a_note_logs_at_most_a_day_of_minutes() -> None:
    ticket = assigned_to("kevin")
    assert add_note(ticket, "kevin", BESTPACK, at(5), "Site visit", minutes=1440).ticket
    for minutes in (1441, LEGACY_MINUTES):
        with pytest.raises(TicketRuleError) as refused:
            add_note(ticket, "kevin", BESTPACK, at(5), "Site visit", minutes=minutes)
        assert refused.value.message == (
            "Time spent is at most 1440 minutes (a day) per note; log more in another note."
        )


async def noted_by_kevin(database: Database, repo: TicketRepository) -> Ticket:
    """Kevin's ticket: a 30-minute note, and one of three billion stored before the checks."""
    ticket, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    assigned = assign(ticket, "mary", BESTPACK, at(5), assignee_id="kevin")
    noted = add_note(assigned.ticket, "kevin", BESTPACK, at(10), "Remote session", minutes=30)
    ticket = await repo.save(noted.ticket, ticket.version, [*assigned.events, *noted.events])
    legacy = {
        "ticket_id": ticket.id,
        "at": at(11),
        "actor_id": "kevin",
        "kind": EventKind.NOTE.value,
        "visibility": "internal",
        "body": "Logged before the limit",
        "after": {"minutes": LEGACY_MINUTES},
    }
    async with database.engine.begin() as connection:  # as old data is: past the checks
        await connection.execute(insert(ticket_events).values(**legacy))
    return ticket


async def test_a_huge_stored_total_reads_and_the_sla_sweep_still_alerts(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    huge = await noted_by_kevin(database, repo)
    other, _ = await repo.create(DRAFT, "mary", None, at(1))

    # `ticket BP-1001` and Kevin's `my tickets` read it with its whole total...
    loaded = await repo.get(huge.number)
    assert loaded is not None and loaded.time_spent_minutes == LEGACY_MINUTES + 30
    assert [(t.number, t.time_spent_minutes) for t in await repo.open_for_assignee("kevin")] == [
        (huge.number, LEGACY_MINUTES + 30)
    ]
    # ...and the sweep still tells the desk about every ticket it is due for, this one included.
    batch = await SlaSweep(database, BESTPACK).pending(at(62))
    assert [(a.ticket.number, a.deadline, a.threshold) for a in batch.alerts] == [
        (huge.number, Deadline.ACKNOWLEDGE, Threshold.BREACH),
        (other.number, Deadline.ACKNOWLEDGE, Threshold.BREACH),
    ]
