"""Activity receipts: apply each Teams activity once and give a retry the first answer.

Teams re-sends an activity with the same id when the bot is slow. The first copy claims the
receipt (an INSERT that only one replica can win); a copy that finds it claimed waits for the
stored answer. The turn's first change stamps `applied_at` in its own transaction, so even
after a crash a retry knows whether the change was made and never makes it twice.
"""

from __future__ import annotations

import hashlib
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import activity_receipts as R
from services.db.types import utc_now

KEEP_FOR = timedelta(days=1)
# The receipt the current turn holds; repositories stamp it inside their write transactions.
current_receipt: ContextVar[str | None] = ContextVar("current_receipt", default=None)
_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def receipt_key(channel: str, conversation: str, activity_id: str) -> str:
    """A fixed-length key for one activity of one conversation."""
    raw = "\x1f".join((channel, conversation, activity_id)).encode("utf-8", "replace")
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Receipt:
    """What is known of an activity already received."""

    status: str
    lease_until: datetime
    applied: bool
    answer_status: int | None
    answer_body: Any


async def stamp(connection: AsyncConnection) -> None:
    """Mark the current turn's receipt applied, inside the caller's write transaction."""
    key = current_receipt.get()
    if key is None:
        return
    query = update(R).where(R.c.key == key, R.c.applied_at.is_(None)).values(applied_at=utc_now())
    await connection.execute(query)


class ReceiptBook:
    """The activity_receipts table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def claim(self, key: str, now: datetime, lease: timedelta) -> bool:
        """Claim an activity for this copy; False when another copy already has."""
        values = dict(key=key, status="running", lease_until=now + lease, created_at=now)
        statement = _INSERT[self._db.dialect](R).values(**values).on_conflict_do_nothing()
        async with self._db.engine.begin() as connection:
            result = await connection.execute(statement)
        return result.rowcount == 1

    async def take_over(self, key: str, now: datetime, lease: timedelta) -> bool:
        """Claim an activity whose first copy died before changing anything."""
        query = (
            update(R)
            .where(R.c.key == key, R.c.status == "running", R.c.lease_until < now)
            .where(R.c.applied_at.is_(None))
            .values(lease_until=now + lease)
        )
        async with self._db.engine.begin() as connection:
            result = await connection.execute(query)
        return result.rowcount == 1

    async def get(self, key: str) -> Receipt | None:
        """The receipt of an activity, if it was received."""
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(select(R).where(R.c.key == key))).first()
        if row is None:
            return None
        return Receipt(
            row.status,
            row.lease_until,
            row.applied_at is not None,
            row.answer_status,
            row.answer_body,
        )

    async def finish(self, key: str, status: int, body: Any) -> None:
        """Store the answer a retry of this activity is given."""
        values = dict(status="done", answer_status=status, answer_body=body)
        async with self._db.engine.begin() as connection:
            await connection.execute(update(R).where(R.c.key == key).values(**values))

    async def release(self, key: str) -> None:
        """Forget a claim whose turn failed before changing anything, so a retry runs it."""
        query = delete(R).where(R.c.key == key, R.c.applied_at.is_(None))
        async with self._db.engine.begin() as connection:
            result = await connection.execute(query)
        if result.rowcount == 0:
            await self.finish(key, 201, None)

    async def purge(self, now: datetime) -> int:
        """Drop receipts older than a day (Teams retries within seconds)."""
        query = delete(R).where(R.c.created_at < now - KEEP_FOR)
        async with self._db.engine.begin() as connection:
            result = await connection.execute(query)
        return result.rowcount or 0
