"""TicketRepository on SQLite and PostgreSQL: idempotent intake, numbers, optimistic saves."""

import asyncio
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from services.db import Database
from services.db.schema import ticket_events, tickets
from services.tickets import (
    EventKind,
    TicketDraft,
    TicketRepository,
    TicketRuleError,
    TicketStatus,
)
from services.tickets.numbering import number_prefix
from tests.fixtures.databases import OpenDatabase
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM, bestpack_variant


async def count(db: Database, table: Any) -> int:
    """Rows in `table`."""
    async with db.engine.connect() as connection:
        return await connection.scalar(select(func.count()).select_from(table))


async def stored_status(db: Database, ticket_id: int) -> tuple[str, str]:
    """The (status, substatus) columns of a ticket: its Zendesk status and its role."""
    query = select(tickets.c.status, tickets.c.substatus).where(tickets.c.id == ticket_id)
    async with db.engine.connect() as connection:
        return tuple((await connection.execute(query)).one())


async def test_a_new_ticket_is_numbered_from_1001_and_starts_its_timeline(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)

    first, created = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    second, _ = await repo.create(DRAFT, "mary", "form-2", MONDAY_9AM)

    assert created is True
    assert (first.number, second.number) == ("BP-1001", "BP-1002")
    assert first.status is TicketStatus.NEW
    assert await stored_status(database, first.id) == ("new", "new")
    assert (first.priority, first.company, first.fields) == ("high", "Acme Foods", DRAFT.fields)
    assert first.ack_due_at == MONDAY_9AM + timedelta(hours=1)
    assert (first.version, first.reopen_count, first.time_spent_minutes) == (1, 0, 0)
    assert first.status_changed_at == MONDAY_9AM
    (event,) = await repo.events(first.id)
    assert (event.kind, event.actor_id, event.at, event.ticket_id) == (
        EventKind.CREATED,
        "mary",
        MONDAY_9AM,
        first.id,
    )
    assert event.after == {
        "status": "new",
        "priority": "high",
        "issue_type": "controls",
        "complexity": "standard",
        "ack_due_at": first.ack_due_at.isoformat(),
    }


async def test_submitting_the_same_intake_twice_returns_the_first_ticket(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    first, _ = await repo.create(DRAFT, "mary", "activity-42", MONDAY_9AM)

    again, created = await repo.create(
        replace(DRAFT, subject="Edited"), "mary", "activity-42", MONDAY_9AM + timedelta(seconds=3)
    )

    assert created is False
    assert again == first
    assert (await count(database, tickets), await count(database, ticket_events)) == (1, 1)


async def test_concurrent_submits_with_one_key_make_one_ticket(
    database: Database, open_database: OpenDatabase
) -> None:
    # Two handles, like two bot replicas receiving the same Teams retry.
    other = TicketRepository(await open_database(database), BESTPACK)
    repo = TicketRepository(database, BESTPACK)

    results = await asyncio.gather(
        *(
            (repo if i % 2 else other).create(DRAFT, "mary", "double-click", MONDAY_9AM)
            for i in range(6)
        )
    )

    assert sorted(created for _, created in results) == [False] * 5 + [True]
    assert len({ticket.number for ticket, _ in results}) == 1
    assert (await count(database, tickets), await count(database, ticket_events)) == (1, 1)


async def test_a_submit_racing_an_uncommitted_one_waits_for_it_and_returns_its_ticket(
    database: Database, open_database: OpenDatabase
) -> None:
    repo = TicketRepository(database, BESTPACK)
    replica = await open_database(database)
    row = {
        "number": "BP-7777",
        "profile": "bestpack",
        "status": "new",
        "substatus": "new",
        "priority": "normal",
        "subject": "First submit",
        "requester_id": "mary",
        "created_at": MONDAY_9AM,
        "updated_at": MONDAY_9AM,
        "intake_key": "retry-7",
    }
    async with replica.engine.connect() as connection:
        transaction = await connection.begin()
        await connection.execute(insert(tickets).values(**row))
        racing = asyncio.create_task(repo.create(DRAFT, "mary", "retry-7", MONDAY_9AM))
        await asyncio.sleep(0.5)
        assert not racing.done(), "the second submit did not wait for the first to commit"
        await transaction.commit()

    ticket, created = await asyncio.wait_for(racing, timeout=10)
    assert (ticket.number, ticket.subject, created) == ("BP-7777", "First submit", False)


async def test_tickets_without_an_intake_key_are_never_merged(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    one, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    two, created = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    assert created and one.number != two.number


async def test_the_installed_base_ids_intake_picked_are_stored_and_read_back(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    picked = replace(DRAFT, serial_number="CE4-10421", machine_ref="4711", customer_ref="C-100")

    made, _ = await repo.create(picked, "mary", "form-1", MONDAY_9AM)
    typed, _ = await repo.create(DRAFT, "mary", "form-2", MONDAY_9AM)

    assert (made.machine_ref, made.customer_ref) == ("4711", "C-100")
    assert await repo.get(made.number) == made
    assert (typed.machine_ref, typed.customer_ref) == (None, None)  # typed by hand
    saved = await repo.save(replace(typed, machine_ref="4712"), typed.version, [])
    assert (await repo.get(typed.number)).machine_ref == saved.machine_ref == "4712"


async def test_a_draft_the_profile_refuses_stores_nothing(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    with pytest.raises(TicketRuleError, match="There is no priority 'p1'"):
        await repo.create(replace(DRAFT, priority="p1"), "mary", "form-1", MONDAY_9AM)
    assert await count(database, tickets) == 0


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (replace(DRAFT, subject="x" * 256), "Subject is too long: keep it to 255 characters."),
        (replace(DRAFT, machine_model="M" * 129), "Machine model is too long: keep it to 128"),
        (replace(DRAFT, machine_ref="9" * 65), "Machine ref is too long: keep it to 64"),
    ],
)
async def test_text_longer_than_its_column_is_refused_on_both_databases(
    database: Database, draft: TicketDraft, message: str
) -> None:
    repo = TicketRepository(database, BESTPACK)
    with pytest.raises(TicketRuleError, match=message):
        await repo.create(draft, "mary", "form-1", MONDAY_9AM)
    ticket, _ = await repo.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    with pytest.raises(TicketRuleError, match="Company is too long"):
        await repo.save(replace(ticket, company="C" * 256), ticket.version, [])
    assert await count(database, tickets) == 1


def test_numbers_take_the_company_initials_else_the_profile_name() -> None:
    assert number_prefix(BESTPACK) == "BP"
    assert number_prefix(bestpack_variant(lambda d: d.update(company="Kinetic Data"))) == "KD"
    assert number_prefix(bestpack_variant(lambda d: d.update(company="acme"))) == "BESTPACK"
