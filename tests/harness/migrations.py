"""Moving a test database's schema to a given revision, to check a migration on stored rows."""

from typing import Any

from alembic import command

from services.db import Database
from services.db.migrator import alembic_config, upgrade_to_head


async def migrate(db: Database, revision: str) -> None:
    """Move the schema up ("heads") or down to `revision`."""

    def run(sync_connection: Any) -> None:
        if revision == "heads":
            upgrade_to_head(sync_connection)
        else:
            command.downgrade(alembic_config(sync_connection), revision)

    async with db.migration_transaction() as connection:
        await connection.run_sync(run)
