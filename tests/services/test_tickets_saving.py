"""TicketRepository on SQLite and PostgreSQL: reading tickets back and optimistic saves."""

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest

from services.db import Database
from services.tickets import EventKind, StaleTicket, TicketRepository, TicketStatus
from services.tickets.workflow import acknowledge, assign
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM


async def test_tickets_are_found_by_number_and_by_id(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)

    assert await repo.get(ticket.number) == ticket
    assert await repo.get_by_id(ticket.id) == ticket
    assert await repo.get("BP-9999") is None
    assert await repo.get_by_id(9999) is None


async def test_a_saved_change_and_its_events_are_stored_together(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    at = MONDAY_9AM + timedelta(minutes=10)
    # Two commands, one save: one version step, both events.
    acked = acknowledge(ticket, "mary", BESTPACK, at)
    change = assign(acked.ticket, "mary", BESTPACK, at, assignee_id="kevin")

    saved = await repo.save(change.ticket, ticket.version, acked.events + change.events)

    assert saved.version == 2
    assert await repo.get(ticket.number) == saved
    assert (saved.status, saved.acknowledged_at, saved.status_changed_at) == (
        TicketStatus.ASSIGNED,
        at,
        at,
    )
    kinds = [event.kind for event in await repo.events(ticket.id)]
    assert kinds == [EventKind.CREATED, EventKind.ACKNOWLEDGED, EventKind.ASSIGNED]


async def test_a_save_from_a_stale_read_is_refused_and_writes_nothing(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    at = MONDAY_9AM + timedelta(minutes=10)
    by_mary = assign(ticket, "mary", BESTPACK, at, assignee_id="kevin")
    by_allison = assign(
        ticket, "allison", BESTPACK, at, assignee_id="sean", override_reason="Cover"
    )
    stored = await repo.save(by_mary.ticket, ticket.version, by_mary.events)

    with pytest.raises(StaleTicket, match="BP-1001 was changed by someone else") as stale:
        await repo.save(by_allison.ticket, ticket.version, by_allison.events)

    assert (stale.value.expected, stale.value.found) == (1, 2)
    assert await repo.get(ticket.number) == stored
    assert len(await repo.events(ticket.id)) == 2


async def test_two_concurrent_saves_of_one_version_let_exactly_one_through(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    at = MONDAY_9AM + timedelta(minutes=10)
    changes = [
        assign(ticket, "mary", BESTPACK, at, assignee_id=p, override_reason="Cover")
        for p in ("kevin", "sean")
    ]

    results = await asyncio.gather(
        *(repo.save(c.ticket, ticket.version, c.events) for c in changes), return_exceptions=True
    )

    assert sorted(type(result).__name__ for result in results) == ["StaleTicket", "Ticket"]
    assert len(await repo.events(ticket.id)) == 2


async def test_saving_a_ticket_that_does_not_exist_is_stale(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    with pytest.raises(StaleTicket, match="it no longer exists"):
        await repo.save(replace(ticket, id=ticket.id + 100), ticket.version, [])
