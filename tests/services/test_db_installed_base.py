"""Migration 0019: the installed-base tables come and go, and tickets gain (and lose) the
machine and customer they are about without losing anything else."""

from typing import Any

import sqlalchemy as sa
from sqlalchemy import inspect

from services.db import Database
from services.db.schema import tickets
from services.installed_base.embedded import EmbeddedInstalledBase
from services.tickets import TicketRepository
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM
from tests.harness.installed_base import ERECTOR, stock
from tests.harness.migrations import migrate

BEFORE = "0018_kb_remote"
TABLES = {"customers", "customer_sites", "machines", "sales_orders", "deals"}


async def layout(db: Database) -> tuple[set[str], set[str]]:
    """The installed-base tables present, and the tickets' ref columns."""

    def found(sync: Any) -> tuple[set[str], set[str]]:
        seen = inspect(sync)
        columns = {c["name"] for c in seen.get_columns("tickets")}
        return TABLES & set(seen.get_table_names()), columns & {"machine_ref", "customer_ref"}

    async with db.engine.connect() as connection:
        return await connection.run_sync(found)


async def test_tickets_keep_everything_across_0019_up_and_down(database: Database) -> None:
    await migrate(database, BEFORE)
    assert await layout(database) == (set(), set())
    async with database.engine.begin() as connection:
        # Only columns 0018 has: the insert names nothing else.
        await connection.execute(
            sa.insert(tickets).values(
                number="BP-1001", profile="bestpack", status="new", substatus="new",
                priority="high", subject="Sealer stops", requester_id="mary",
                created_at=MONDAY_9AM, updated_at=MONDAY_9AM,
            )
        )  # fmt: skip

    await migrate(database, "heads")

    assert await layout(database) == (TABLES, {"machine_ref", "customer_ref"})
    repository = TicketRepository(database, BESTPACK)
    old = await repository.get("BP-1001")
    assert (old.subject, old.machine_ref, old.customer_ref) == ("Sealer stops", None, None)
    await stock(database)
    assert await EmbeddedInstalledBase(database).machine(ERECTOR.serial) == ERECTOR

    await migrate(database, BEFORE)

    assert await layout(database) == (set(), set())
    async with database.engine.connect() as connection:
        kept = await connection.scalar(sa.text("SELECT subject FROM tickets"))
    assert kept == "Sealer stops"
    await migrate(database, "heads")
    made, _ = await repository.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    assert made.number == "BP-1002"
