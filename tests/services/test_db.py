"""Database: connecting, migrating (also concurrently), readiness, SQLite pragmas, transactions."""

import asyncio
import sqlite3
from typing import Any

import pytest
from alembic import command
from sqlalchemy import insert, inspect, text
from sqlalchemy.exc import IntegrityError

from services.db import Database, schema
from services.db.engines import create_engine
from services.db.migrator import alembic_config, head_revisions, upgrade_to_head
from services.db.schema import identity_links, ticket_events
from services.db.types import utc_now
from tests.fixtures.databases import DatabaseTarget, OpenDatabase

TABLES = {"alembic_version", *schema.metadata.tables}


async def table_names(db: Database) -> set[str]:
    """The tables visible to this database (its own schema on PostgreSQL)."""
    async with db.engine.connect() as connection:
        names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    return set(names)


async def test_migrate_from_empty_creates_every_table(
    database_target: DatabaseTarget, open_database: OpenDatabase
) -> None:
    db = await open_database(database_target)
    assert await table_names(db) == set()
    assert not await db.is_ready()
    assert await db.current_revisions() == frozenset()

    await db.migrate()

    assert await table_names(db) == TABLES
    assert await db.current_revisions() == head_revisions()
    assert len(head_revisions()) == 1, "join parallel migrations with a merge revision"
    assert await db.is_ready()


async def test_migrating_again_is_a_no_op(database: Database) -> None:
    async with database.engine.begin() as connection:
        await connection.execute(
            insert(identity_links).values(channel_user_id="29:k", resolved_at=utc_now())
        )

    await database.migrate()

    assert await database.current_revisions() == head_revisions()
    async with database.engine.connect() as connection:
        assert await connection.scalar(text("SELECT count(*) FROM identity_links")) == 1


async def test_the_initial_revision_downgrades_cleanly(database: Database) -> None:
    def downgrade_to_base(sync_connection: Any) -> None:
        command.downgrade(alembic_config(sync_connection), "base")

    async with database.migration_transaction() as connection:
        await connection.run_sync(downgrade_to_base)

    assert await table_names(database) == {"alembic_version"}
    await database.migrate()
    assert await table_names(database) == TABLES


async def test_two_replicas_migrating_at_once_both_succeed(
    database_target: DatabaseTarget, open_database: OpenDatabase
) -> None:
    first = await open_database(database_target)
    second = await open_database(database_target)

    # Bounded: without the migration locks this deadlocks rather than failing by itself.
    async with asyncio.timeout(60):
        await asyncio.gather(first.migrate(), second.migrate())

    assert await first.is_ready()
    assert await second.is_ready()
    assert await table_names(first) == TABLES


async def test_a_second_migrator_waits_for_the_first_then_has_nothing_to_do(
    database_target: DatabaseTarget, open_database: OpenDatabase
) -> None:
    first = await open_database(database_target)
    second = await open_database(database_target)

    async with first.migration_transaction() as connection:
        waiting = asyncio.create_task(second.migrate())
        await asyncio.sleep(0.5)
        assert not waiting.done(), "the second migrator did not wait for the migration lock"
        await connection.run_sync(upgrade_to_head)
    async with asyncio.timeout(30):
        await waiting

    assert await first.is_ready()
    assert await second.is_ready()


async def test_a_restarted_database_sees_the_migrated_schema(
    database: Database, open_database: OpenDatabase
) -> None:
    await database.close()
    restarted = await open_database(database)
    assert await restarted.is_ready()
    assert restarted.dialect == database.dialect


async def test_is_ready_is_false_when_the_server_does_not_answer() -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    url = "postgresql+asyncpg://postgres@127.0.0.1:1/nothing"
    db = Database(create_engine(url, None), url)
    try:
        assert not await db.is_ready(timeout=5)
    finally:
        await db.close()


async def test_connect_fails_loudly_when_the_server_does_not_answer() -> None:
    with pytest.raises(OSError):
        await Database.connect("postgresql+asyncpg://postgres@127.0.0.1:1/nothing")


async def test_unsupported_urls_are_refused() -> None:
    with pytest.raises(ValueError, match="unsupported database"):
        await Database.connect("mysql+aiomysql://u@127.0.0.1/x")
    with pytest.raises(ValueError, match="no schemas"):
        await Database.connect("sqlite+aiosqlite:///x.db", schema="s")


async def test_sqlite_creates_the_folder_and_sets_its_pragmas(
    sqlite_target: DatabaseTarget, open_database: OpenDatabase
) -> None:
    db = await open_database(sqlite_target)
    assert db.dialect == "sqlite"
    assert sqlite_target.url.endswith("/var/bot.db")
    path = sqlite_target.url.removeprefix("sqlite+aiosqlite:///")
    async with db.engine.connect() as connection:
        assert await connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert await connection.scalar(text("PRAGMA foreign_keys")) == 1
        assert await connection.scalar(text("PRAGMA busy_timeout")) == 5000
    # WAL is a property of the file, so another plain sqlite3 client sees it too.
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError):
        async with database.engine.begin() as connection:
            await connection.execute(
                insert(ticket_events).values(
                    ticket_id=4242, at=utc_now(), actor_id="system", kind="created"
                )
            )


async def test_a_failed_transaction_rolls_back_ddl_too(database: Database) -> None:
    # On SQLite this needs our own BEGIN: pysqlite alone would autocommit the CREATE TABLE.
    with pytest.raises(RuntimeError):
        async with database.engine.begin() as connection:
            await connection.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY)"))
            await connection.execute(text("INSERT INTO scratch (id) VALUES (1)"))
            raise RuntimeError("abort")
    assert "scratch" not in await table_names(database)
