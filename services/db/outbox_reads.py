"""Reading the outbox: one message, the held-back ones, the counts, when the next is due."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, select

from services.db.database import Database
from services.db.outbox_message import OutboxMessage, TargetKind, message_from_row
from services.db.outbox_queries import next_free_at
from services.db.schema import OUTBOX_STATUSES, outbox


class OutboxReads:
    """What the outbox holds, read without changing it (the repository adds the writes)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def _one(self, condition) -> OutboxMessage | None:
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(select(outbox).where(condition))).mappings().first()
        return message_from_row(row) if row else None

    async def _all(self, query) -> list[OutboxMessage]:
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [message_from_row(r) for r in rows]

    async def get(self, message_id: int) -> OutboxMessage | None:
        """One message by id."""
        return await self._one(outbox.c.id == message_id)

    async def find(self, dedupe_key: str) -> OutboxMessage | None:
        """The message stored under a dedupe key, if any (e.g. where a card was posted)."""
        return await self._one(outbox.c.dedupe_key == dedupe_key)

    async def next_due(self, skip: Collection[tuple[str, str]] = ()) -> datetime | None:
        """When the next pending message can be claimed (due, and any claim on it run out),
        leaving out the (kind, target) pairs in `skip`."""
        query = next_free_at(skip)
        async with self._db.engine.connect() as connection:
            return (await connection.execute(query)).scalar()

    async def counts(self) -> dict[str, int]:
        """How many messages are in each status (every status present, zeros included)."""
        query = select(outbox.c.status, func.count()).group_by(outbox.c.status)
        async with self._db.engine.connect() as connection:
            found = dict((await connection.execute(query)).all())
        return {status: found.get(status, 0) for status in OUTBOX_STATUSES}

    async def waiting_for(self, target_kind: TargetKind, target: str) -> list[OutboxMessage]:
        """Messages held back for a target, oldest first."""
        query = (
            select(outbox)
            .where(
                outbox.c.status == "waiting",
                outbox.c.target_kind == target_kind,
                outbox.c.target == target,
            )
            .order_by(outbox.c.id)
        )
        return await self._all(query)

    async def waiting_targets(self) -> set[tuple[str, str]]:
        """Every (kind, target) with held-back messages."""
        query = select(outbox.c.target_kind, outbox.c.target).where(outbox.c.status == "waiting")
        async with self._db.engine.connect() as connection:
            return {(k, t) for k, t in (await connection.execute(query)).all()}
