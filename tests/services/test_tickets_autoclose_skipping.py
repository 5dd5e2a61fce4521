"""The silent close over a broken ticket: the others still close, it is skipped and logged once."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from services.db import Database
from services.scheduler import skipping
from services.tickets import (
    Ticket,
    TicketDraft,
    TicketRepository,
    TicketStatus,
    autoclose,
    reads,
)
from services.tickets.workflow import assign, resolve
from tests.harness.domain import BESTPACK, MONDAY_9AM, weekdays_later

S = TicketStatus


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ticket skipped yet by this process (other tests' tickets have the same ids)."""
    monkeypatch.setattr(skipping, "_SKIPPED", {})


async def resolved_monday(repo: TicketRepository, subject: str) -> Ticket:
    """A ticket Kevin resolved on Monday morning, the customer silent since."""
    ticket, _ = await repo.create(TicketDraft(subject), "mary", subject, MONDAY_9AM)
    assigned = assign(ticket, "mary", BESTPACK, MONDAY_9AM, assignee_id="kevin")
    done = resolve(assigned.ticket, "kevin", BESTPACK, MONDAY_9AM, "Fixed")
    return await repo.save(done.ticket, ticket.version, [*assigned.events, *done.events])


class Broken(Exception):
    """What the broken ticket raises."""


def broken_reading(monkeypatch: pytest.MonkeyPatch, bad: Ticket) -> None:
    """Reading the ticket's row fails, and with it the query for all the resolved tickets."""
    original = reads.ticket_from_row

    def reading(row):
        if row["id"] == bad.id:
            raise Broken(f"row {bad.id} is unreadable")
        return original(row)

    monkeypatch.setattr(reads, "ticket_from_row", reading)


def broken_closing(monkeypatch: pytest.MonkeyPatch, bad: Ticket) -> None:
    """Closing the ticket fails."""
    original = autoclose.auto_close

    def closing(ticket, profile, now, warned_at=None):
        if ticket.id == bad.id:
            raise Broken(f"ticket {bad.id} cannot close")
        return original(ticket, profile, now, warned_at)

    monkeypatch.setattr(autoclose, "auto_close", closing)


@pytest.mark.parametrize("breaks", [broken_reading, broken_closing])
async def test_one_broken_ticket_is_skipped_and_logged_once_and_the_others_close(
    database: Database, caplog: pytest.LogCaptureFixture, breaks
) -> None:
    repo = TicketRepository(database, BESTPACK)
    first, bad, last = [await resolved_monday(repo, subject) for subject in ("a", "b", "c")]
    app = SimpleNamespace(profile=BESTPACK, tickets=repo, db=database)
    with pytest.MonkeyPatch.context() as broken:
        breaks(broken, bad)

        assert await autoclose.close_silent_tickets(app, weekdays_later(5)) == [
            first.number,
            last.number,
        ]
        # The next hour's run meets it again, and keeps quiet about it.
        assert await autoclose.close_silent_tickets(app, weekdays_later(5)) == []
    assert (await repo.get_by_id(bad.id)).status is S.RESOLVED

    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in errors] == [
        f"Auto-close (bestpack) skipped ticket id {bad.id}, which failed; the others went on"
    ]
    assert isinstance(errors[0].exc_info[1], Broken)
    # Mended, it closes.
    assert await autoclose.close_silent_tickets(app, weekdays_later(5)) == [bad.number]
