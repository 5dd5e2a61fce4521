"""The schema the migrations build: matches services.db.schema, keeps constraints, round-trips."""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError, StatementError

from services.db import Database
from services.db.schema import (
    TICKET_STATUSES,
    identity_links,
    metadata,
    ticket_events,
    tickets,
)
from services.db.types import utc_now


def ticket(**overrides: Any) -> dict[str, Any]:
    """The least a ticket row needs, plus overrides."""
    now = utc_now()
    row = {
        "number": "BP-1001",
        "profile": "bestpack",
        "status": "new",
        "priority": "normal",
        "subject": "Sealer jams",
        "requester_id": "p-anna",
        "created_at": now,
        "updated_at": now,
    }
    return row | overrides


async def add_ticket(db: Database, **overrides: Any) -> int:
    """Insert a ticket and return its id."""
    async with db.engine.begin() as connection:
        result = await connection.execute(insert(tickets).values(**ticket(**overrides)))
    return result.inserted_primary_key[0]


async def test_schema_py_matches_the_migrations(database: Database) -> None:
    def differences(sync_connection: Any) -> list[Any]:
        opts = {"compare_type": True}
        context = MigrationContext.configure(sync_connection, opts=opts)
        return compare_metadata(context, metadata)

    async with database.engine.connect() as connection:
        assert await connection.run_sync(differences) == []


async def test_aware_datetimes_round_trip_as_utc(database: Database) -> None:
    berlin = datetime(2026, 3, 29, 3, 30, 15, 123456, tzinfo=ZoneInfo("Europe/Berlin"))
    async with database.engine.begin() as connection:
        await connection.execute(
            insert(identity_links).values(channel_user_id="29:a", resolved_at=berlin)
        )
        await connection.execute(
            insert(identity_links).values(channel_user_id="29:b", resolved_at=utc_now())
        )
    async with database.engine.connect() as connection:
        stored = await connection.scalar(
            select(identity_links.c.resolved_at).where(identity_links.c.channel_user_id == "29:a")
        )
        # Compared in SQL too: on SQLite that only works if every value is stored as UTC.
        earlier = await connection.scalars(
            select(identity_links.c.channel_user_id).where(
                identity_links.c.resolved_at < datetime(2026, 3, 29, 1, 31, tzinfo=UTC)
            )
        )
        assert earlier.all() == ["29:a"]
    assert stored == berlin
    assert stored.tzinfo is UTC
    assert stored == datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=UTC)


async def test_naive_datetimes_are_refused(database: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        async with database.engine.begin() as connection:
            await connection.execute(
                insert(identity_links).values(channel_user_id="29:a", resolved_at=datetime.now())
            )


async def test_a_new_ticket_gets_its_defaults(database: Database) -> None:
    ticket_id = await add_ticket(database)
    async with database.engine.connect() as connection:
        row = (await connection.execute(select(tickets).where(tickets.c.id == ticket_id))).one()
    assert (row.reopen_count, row.escalated, row.version, row.fields) == (0, False, 1, {})
    assert row.substatus is None and row.external_id is None and row.intake_key is None


async def test_tickets_take_exactly_zendesk_statuses(database: Database) -> None:
    for number, status in enumerate(TICKET_STATUSES):
        await add_ticket(
            database, number=f"BP-{number}", status=status, substatus="waiting_on_parts"
        )
    with pytest.raises(IntegrityError):
        await add_ticket(database, number="BP-99", status="escalated")


async def test_an_intake_key_admits_one_ticket(database: Database) -> None:
    await add_ticket(database, number="BP-1", intake_key="form-7f3a")
    await add_ticket(database, number="BP-2")
    await add_ticket(database, number="BP-3")  # many tickets without a key are fine
    with pytest.raises(IntegrityError):
        await add_ticket(database, number="BP-4", intake_key="form-7f3a")


async def test_external_ids_are_unique_within_a_profile(database: Database) -> None:
    await add_ticket(database, number="BP-1", external_id="4711")
    await add_ticket(database, number="XY-1", profile="other", external_id="4711")
    with pytest.raises(IntegrityError):
        await add_ticket(database, number="BP-2", external_id="4711")


async def test_ticket_numbers_are_unique(database: Database) -> None:
    await add_ticket(database)
    with pytest.raises(IntegrityError):
        await add_ticket(database)


async def test_events_keep_json_snapshots_and_refuse_unknown_visibility(database: Database) -> None:
    ticket_id = await add_ticket(database, fields={"line": "L3", "counts": [1, 2]})
    event = {"ticket_id": ticket_id, "at": utc_now(), "actor_id": "p-anna", "kind": "status"}
    before, after = {"status": "new"}, {"status": "open", "substatus": None}
    async with database.engine.begin() as connection:
        await connection.execute(insert(ticket_events).values(**event, before=before, after=after))
    async with database.engine.connect() as connection:
        row = (await connection.execute(select(ticket_events))).one()
        fields = await connection.scalar(select(tickets.c.fields))
    assert (row.before, row.after, row.visibility) == (before, after, "internal")
    assert fields == {"line": "L3", "counts": [1, 2]}
    with pytest.raises(IntegrityError):
        async with database.engine.begin() as connection:
            await connection.execute(insert(ticket_events).values(**event, visibility="secret"))
