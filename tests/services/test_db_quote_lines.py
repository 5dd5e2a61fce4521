"""Migration 0013: stored single-part answers and orders become one-line quotes, and back."""

from typing import Any

import pytest
from alembic import command
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from services.db import Database
from services.db.migrator import alembic_config, upgrade_to_head
from services.db.schema import parts_orders
from services.db.types import utc_now
from services.parts import EmbeddedOrderSystem, PartsRepository, QuoteLine, RequestStatus
from tests.harness.domain import BESTPACK

BEFORE = "0012_status_roles"


async def migrate(db: Database, revision: str) -> None:
    """Move the schema up or down to `revision`."""

    def run(sync_connection: Any) -> None:
        if revision == "heads":
            upgrade_to_head(sync_connection)
        else:
            command.downgrade(alembic_config(sync_connection), revision)

    async with db.migration_transaction() as connection:
        await connection.run_sync(run)


async def store_single_part_quote(db: Database) -> None:
    """An answered request and its order as 0012 stored them: one part, one price."""
    now = utc_now()
    async with db.engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO parts_requests (profile, request_type, part_number, quantity, "
                "nc_tape_head, requester_id, owner_id, status, created_at, updated_at, "
                "answered_by, answered_at, answer_part_number, price_cents, lead_time, "
                "quote_number) VALUES ('bestpack', 'quote', '4471-220', 3, false, 'jordan', "
                "'ezechiel', 'answered', :now, :now, 'ezechiel', :now, '4471-220B', 12050, "
                "'3 weeks', 'Q-2201')"
            ),
            {"now": now},
        )
        await connection.execute(
            text(
                "INSERT INTO parts_orders (quote_number, status, request_number, part_number, "
                "quantity, price_cents, lead_time, created_at, updated_at) VALUES ('Q-2201', "
                "'quoted', 'PQ-1001', '4471-220B', 3, 12050, '3 weeks', :now, :now)"
            ),
            {"now": now},
        )


async def test_single_part_quotes_become_one_line_and_come_back(database: Database) -> None:
    await migrate(database, BEFORE)
    await store_single_part_quote(database)

    await migrate(database, "heads")

    line = QuoteLine("4471-220B", 3, 12_050)
    request = await PartsRepository(database, BESTPACK).get("PQ-1001")
    assert request is not None and request.status is RequestStatus.ANSWERED
    assert request.answer is not None and request.answer.lines == (line,)
    order = await EmbeddedOrderSystem(database).look_up("Q-2201")
    assert order is not None and (order.lines, order.total_cents) == ((line,), 36_150)

    await migrate(database, BEFORE)
    async with database.engine.connect() as connection:
        back = await connection.execute(
            text("SELECT part_number, quantity, price_cents FROM parts_orders")
        )
        assert [tuple(row) for row in back] == [("4471-220B", 3, 12050)]
    await migrate(database, "heads")


async def test_the_rebuilt_orders_table_keeps_its_status_check(database: Database) -> None:
    row = dict(quote_number="Q-1", status="lost", quote_lines=[], lead_time="now")
    now = utc_now()
    with pytest.raises(IntegrityError):
        async with database.engine.begin() as connection:
            await connection.execute(
                insert(parts_orders).values(**row, created_at=now, updated_at=now)
            )
