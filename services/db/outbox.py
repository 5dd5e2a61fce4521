"""The outbox: proactive messages stored before they are sent, so none is lost or doubled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from services.db.database import Database
from services.db.schema import outbox
from services.db.types import utc_now

TargetKind = Literal["person", "conversation"]
_COLUMNS = tuple(c.name for c in outbox.columns)


@dataclass(frozen=True)
class OutboxMessage:
    """A message for a person (their personal chat) or a stored conversation (a channel)."""

    dedupe_key: str
    target_kind: TargetKind
    target: str
    payload: dict[str, Any]
    thread_id: str | None = None  # reply in this channel thread (the root message's id)
    id: int | None = None
    status: str = "pending"
    attempts: int = 0
    last_error: str | None = None
    activity_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    sent_at: datetime | None = None


class OutboxRepository:
    """Adds messages once per dedupe key and records what became of each."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, message: OutboxMessage) -> tuple[OutboxMessage, bool]:
        """Store a new message; the one already stored under its dedupe key wins."""
        now = utc_now()
        values = {
            name: getattr(message, name)
            for name in ("dedupe_key", "target_kind", "target", "payload", "thread_id")
        }
        values.update(status="pending", attempts=0, created_at=now, updated_at=now)
        try:
            async with self._db.engine.begin() as connection:
                result = await connection.execute(insert(outbox).values(**values))
                new_id = result.inserted_primary_key[0]
        except IntegrityError:
            existing = await self._one(outbox.c.dedupe_key == message.dedupe_key)
            if existing is None:
                raise
            return existing, False
        return await self._one(outbox.c.id == new_id), True

    async def _one(self, condition) -> OutboxMessage | None:
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(select(outbox).where(condition))).mappings().first()
        return OutboxMessage(**{n: row[n] for n in _COLUMNS}) if row else None

    async def get(self, message_id: int) -> OutboxMessage | None:
        """One message by id."""
        return await self._one(outbox.c.id == message_id)

    async def find(self, dedupe_key: str) -> OutboxMessage | None:
        """The message stored under a dedupe key, if any (e.g. where a card was posted)."""
        return await self._one(outbox.c.dedupe_key == dedupe_key)

    async def _set(self, message_id: int, **values: Any) -> None:
        values["updated_at"] = utc_now()
        async with self._db.engine.begin() as connection:
            await connection.execute(update(outbox).where(outbox.c.id == message_id).values(values))

    async def mark_sent(self, message_id: int, activity_id: str | None) -> None:
        """Delivered: Teams gave it `activity_id`."""
        now = utc_now()
        await self._set(
            message_id,
            status="sent",
            activity_id=activity_id,
            sent_at=now,
            attempts=outbox.c.attempts + 1,
        )

    async def mark_waiting(self, message_id: int, reason: str) -> None:
        """Not deliverable until the target has a usable conversation."""
        await self._set(message_id, status="waiting", last_error=reason)

    async def mark_failed(self, message_id: int, error: str) -> None:
        """A send failed; it stays pending for the next attempt."""
        await self._set(message_id, last_error=error, attempts=outbox.c.attempts + 1)

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
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [OutboxMessage(**{n: r[n] for n in _COLUMNS}) for r in rows]

    async def waiting_targets(self) -> set[tuple[str, str]]:
        """Every (kind, target) with held-back messages."""
        query = select(outbox.c.target_kind, outbox.c.target).where(outbox.c.status == "waiting")
        async with self._db.engine.connect() as connection:
            return {(k, t) for k, t in (await connection.execute(query)).all()}
