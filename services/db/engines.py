"""Engine construction per dialect: SQLite pragmas and transactions, PostgreSQL search_path."""

import re
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

SQLITE_BUSY_TIMEOUT_MS = 5000
# Execution option naming the statement that opens a SQLite transaction (see _begin).
SQLITE_BEGIN = "services_db_sqlite_begin"
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def create_engine(url: str, schema: str | None) -> AsyncEngine:
    """An async engine for a sqlite+aiosqlite or postgresql+asyncpg URL."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if schema is not None:
            raise ValueError("SQLite has no schemas; use a separate file instead")
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        return _postgres_engine(parsed, schema)
    raise ValueError(
        f"unsupported database {backend!r}: use sqlite+aiosqlite or postgresql+asyncpg"
    )


def _is_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:")


def _sqlite_engine(url: URL) -> AsyncEngine:
    # (":memory:" needs no folder, and the dialect already gives it a single shared connection.)
    if not _is_memory(url) and not url.query.get("uri"):
        Path(url.database or "").expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url)
    event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
    event.listen(engine.sync_engine, "begin", _begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's legacy mode never BEGINs before SELECT or DDL, so reads are not repeatable
    # and a failed migration half-applies; we take over BEGIN ourselves in _begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets readers run while one writer writes; the timeout makes writers queue
        # instead of failing at once with "database is locked".
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _begin(connection: Connection) -> None:
    # A plain (deferred) BEGIN unless the caller asked for BEGIN IMMEDIATE, which takes the
    # write lock up front so two migrators queue on the busy timeout rather than deadlock.
    connection.exec_driver_sql(connection.get_execution_options().get(SQLITE_BEGIN, "BEGIN"))


def _postgres_engine(url: URL, schema: str | None) -> AsyncEngine:
    connect_args: dict[str, Any] = {}
    if schema is not None:
        if not _SCHEMA_NAME.match(schema):
            raise ValueError(f"invalid schema name {schema!r}")
        # Unqualified names (our tables and alembic_version alike) then resolve in that schema.
        connect_args["server_settings"] = {"search_path": schema}
    # pre_ping: a bot lives for weeks; connections dropped by a failover must not fail a turn.
    return create_async_engine(url, pool_pre_ping=True, connect_args=connect_args)
