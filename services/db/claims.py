"""Claims with a lease, shared by the outbox and the sync queue: one holder per row at a time.

The rows are picked first (on PostgreSQL FOR UPDATE SKIP LOCKED, so claimers do not queue
behind each other), then written with the claim's condition checked again row by row; on SQLite
the write lock is taken up front. A holder that dies loses its claim when the lease runs out.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import and_, update
from sqlalchemy.engine import RowMapping

from services.db.database import Database
from services.db.engines import SQLITE_BEGIN


async def claim_rows(
    db: Database,
    table: sa.Table,
    condition: Any,
    values: dict[str, Any],
    pick: sa.Select | None = None,
) -> list[RowMapping]:
    """Write `values` (the claim) to the rows matching `condition`, among those `pick` selects."""
    async with db.engine.connect() as connection:
        if db.dialect == "sqlite":
            # Take the write lock up front: a read that later writes could hit "busy".
            await connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
        async with connection.begin():
            if pick is not None:
                # Picked first, then written: PostgreSQL may run an IN (... LIMIT n)
                # subquery more than once in an UPDATE and claim more than n rows.
                ids = (await connection.execute(pick)).scalars().all()
                if not ids:
                    return []
                condition = and_(table.c.id.in_(ids), condition)
            statement = update(table).where(condition).values(values).returning(*table.c)
            return list((await connection.execute(statement)).mappings().all())
