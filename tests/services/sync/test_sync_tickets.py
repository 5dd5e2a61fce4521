"""Ticket writes queue their outbound copy in the same transaction, and only with a system set."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from services.db import Database
from services.db.schema import sync_changes
from services.sync import SyncQueue, TicketOutbound
from services.tickets import StaleTicket, TicketRepository
from services.tickets.work import add_note
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM

ZD = "zendesk"


async def queued(db: Database) -> int:
    async with db.engine.connect() as connection:
        return await connection.scalar(select(func.count()).select_from(sync_changes))


async def test_filing_and_a_note_queue_a_create_then_an_update_for_the_ticket(database: Database):
    queue = SyncQueue(database)
    repo = TicketRepository(database, BESTPACK, TicketOutbound(queue, ZD))
    ticket, _ = await repo.create(DRAFT, "mary", "intake-1", MONDAY_9AM)
    later = MONDAY_9AM + timedelta(minutes=5)
    change = add_note(ticket, "mary", BESTPACK, later, "Asked for the serial plate photo")
    await repo.save(change.ticket, ticket.version, change.events)

    create, update = await queue.of_record(ZD, ticket.number)
    assert (create.kind, create.seq, create.actor_id) == ("create", 1, "mary")
    assert create.payload["number"] == ticket.number
    assert (update.kind, update.seq, update.payload["version"]) == ("update", 2, 2)
    assert update.payload["events"][0]["body"] == "Asked for the serial plate photo"
    assert update.created_at == later


async def test_a_repeated_intake_and_a_stale_save_queue_nothing_more(database: Database):
    repo = TicketRepository(database, BESTPACK, TicketOutbound(SyncQueue(database), ZD))
    ticket, _ = await repo.create(DRAFT, "mary", "intake-1", MONDAY_9AM)
    await repo.create(DRAFT, "mary", "intake-1", MONDAY_9AM)  # a double submit
    change = add_note(ticket, "mary", BESTPACK, MONDAY_9AM, "first")
    await repo.save(change.ticket, ticket.version, change.events)

    with pytest.raises(StaleTicket):  # rolled back: its outbound copy goes with it
        await repo.save(change.ticket, ticket.version, change.events)

    assert await queued(database) == 2


async def test_without_a_system_of_record_nothing_is_queued(database: Database):
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", "intake-1", MONDAY_9AM)
    change = add_note(ticket, "mary", BESTPACK, MONDAY_9AM, "first")
    await repo.save(change.ticket, ticket.version, change.events)

    assert await queued(database) == 0
