"""Alembic, driven programmatically: no alembic.ini needed by the app or its tests."""

import asyncio
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_PROCESS_LOCKS: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = WeakKeyDictionary()


def alembic_config(connection: Connection | None = None) -> Config:
    """An alembic Config pointing at our migrations, optionally carrying a live connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        # env.py picks this up instead of opening its own engine.
        config.attributes["connection"] = connection
    return config


@cache
def head_revisions() -> frozenset[str]:
    """The revision(s) a fully migrated database is at."""
    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(connection: Connection) -> frozenset[str]:
    """The revision(s) recorded in the database; empty when it was never migrated."""
    return frozenset(MigrationContext.configure(connection).get_current_heads())


def upgrade_to_head(connection: Connection) -> None:
    """Apply every pending migration on this connection, inside its open transaction."""
    # "heads": features developed side by side may branch from one revision before a merge
    # revision joins them; upgrading to every head works in both states.
    command.upgrade(alembic_config(connection), "heads")


def process_lock() -> asyncio.Lock:
    """Serialises migrations within this process (one lock per event loop).

    alembic's `op` and `context` are process-wide proxies, so two migrations interleaving on
    one event loop (even on different databases) would run each other's operations.
    """
    loop = asyncio.get_running_loop()
    return _PROCESS_LOCKS.setdefault(loop, asyncio.Lock())
