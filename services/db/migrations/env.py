"""Alembic environment: migrates the connection services.db hands in, or a URL from the CLI."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from services.db.schema import metadata

config = context.config


def run_on(connection: Connection) -> None:
    """Run the migrations on a connection (inside its transaction if it already has one)."""
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def cli_url() -> str:
    """The database a developer named with `-x url=...` (or sqlalchemy.url in an ini file)."""
    url = context.get_x_argument(as_dictionary=True).get("url")
    url = url or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("name the database: alembic -c services/db/alembic.ini -x url=... <cmd>")
    return url


async def run_cli(url: str) -> None:
    """Open the database the way the app does (pragmas, migration lock) and migrate it."""
    # Imported here: the app path below never needs it, and it imports this package's parent.
    from services.db.database import Database

    database = await Database.connect(url)
    try:
        async with database.migration_transaction() as connection:
            await connection.run_sync(run_on)
    finally:
        await database.close()


if config.attributes.get("connection") is not None:
    run_on(config.attributes["connection"])
elif context.is_offline_mode():
    context.configure(
        url=cli_url(),
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=cli_url().startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(run_cli(cli_url()))
