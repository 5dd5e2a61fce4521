"""The Database handle: one async engine, migrations and readiness."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from services.db import migrator
from services.db.engines import SQLITE_BEGIN, create_engine

# One lock per schema, so replicas of one deployment queue while test schemas do not.
_ADVISORY_LOCK = "SELECT pg_advisory_xact_lock(hashtext('services.db.migrate:' || "
_ADVISORY_LOCK += "coalesce(current_schema(), '')))"


class Database:
    """A connected SQLite or PostgreSQL database holding the support desk's tables."""

    def __init__(self, engine: AsyncEngine, url: str, schema: str | None = None) -> None:
        """Wrap an engine made by create_engine; use Database.connect instead."""
        self._engine = engine
        self._url = url
        self._schema = schema

    @classmethod
    async def connect(cls, url: str, *, schema: str | None = None) -> "Database":
        """Open sqlite+aiosqlite:///path or postgresql+asyncpg://... and check it answers.

        `schema` (PostgreSQL only) must already exist; all tables, alembic's included, live there.
        """
        engine = create_engine(url, schema)
        try:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except BaseException:
            await engine.dispose()
            raise
        return cls(engine, url, schema)

    @property
    def engine(self) -> AsyncEngine:
        """The SQLAlchemy async engine."""
        return self._engine

    @property
    def dialect(self) -> str:
        """The dialect name: "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    @property
    def url(self) -> str:
        """The URL this database was opened with (may hold a password: do not log it)."""
        return self._url

    @property
    def schema(self) -> str | None:
        """The PostgreSQL schema everything lives in, or None for the default search_path."""
        return self._schema

    def __repr__(self) -> str:
        """Show the dialect and the URL with any password masked."""
        return f"Database({make_url(self._url)!r}, schema={self._schema!r})"

    @asynccontextmanager
    async def migration_transaction(self) -> AsyncIterator[AsyncConnection]:
        """A transaction that only one migrator at a time can hold; commits on exit."""
        async with self._engine.connect() as connection:
            if self.dialect == "sqlite":
                await connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
            async with connection.begin():
                if self.dialect == "postgresql":
                    # Released at commit, so the next replica sees the upgraded version table.
                    await connection.execute(text(_ADVISORY_LOCK))
                yield connection

    async def migrate(self) -> None:
        """Upgrade the schema to the newest revision; a no-op when it is already there."""
        async with migrator.process_lock(), self.migration_transaction() as connection:
            await connection.run_sync(migrator.upgrade_to_head)

    async def current_revisions(self) -> frozenset[str]:
        """The revision(s) the database is at; empty before the first migration."""
        async with self._engine.connect() as connection:
            return await connection.run_sync(migrator.current_revisions)

    async def is_ready(self, timeout: float = 5.0) -> bool:
        """True when the database answers within `timeout` seconds and is fully migrated."""
        try:
            async with asyncio.timeout(timeout):
                current = await self.current_revisions()
        except (SQLAlchemyError, OSError, TimeoutError):
            return False
        return current == migrator.head_revisions()

    async def close(self) -> None:
        """Close every pooled connection."""
        await self._engine.dispose()
