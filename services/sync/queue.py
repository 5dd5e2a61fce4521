"""The sync queue in the database: changes per record in order, one sender per record at a time.

A record's head is its lowest-numbered change still queued or sending; only a head can be
claimed, and only while it is due and no sender holds it (or its holder's lease ran out), so a
record's changes go out one claim at a time, in order, whichever replica claims them. The
changes behind a claimed head may be taken with it (merged into one send) by its holder.
Claims use services/db/claims.py, the outbox's machinery.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, exists, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import aliased

from services.db.claims import claim_rows
from services.db.database import Database
from services.db.schema import sync_changes as c
from services.db.types import UtcDateTime
from services.sync.model import NewChange, SyncChange

_FIELDS = tuple(col.name for col in c.columns)
_UNCLAIMED = {"claimed_by": None, "claimed_until": None}
_earlier = aliased(c)


def _change(row) -> SyncChange:
    return SyncChange(**{name: row[name] for name in _FIELDS})


def _free(now: datetime) -> Any:
    """Queued and due, or sending under a lease that ran out (its holder died)."""
    return or_(
        and_(c.c.state == "queued", c.c.next_attempt_at <= now),
        and_(c.c.state == "sending", c.c.claimed_until <= now),
    )


def _is_head() -> Any:
    """No earlier change of the same record is still queued or sending."""
    return ~exists().where(
        _earlier.c.system == c.c.system,
        _earlier.c.record_key == c.c.record_key,
        _earlier.c.seq < c.c.seq,
        _earlier.c.state.in_(("queued", "sending")),
    )


@dataclass(frozen=True)
class QueueStats:
    """One system's queue: changes not yet sent, the oldest one's creation, dead letters."""

    depth: int = 0
    oldest_unsent_at: datetime | None = None
    dead: int = 0


class SyncQueue:
    """Adds changes inside the caller's transaction, hands heads to senders, records outcomes."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def enqueue(
        self,
        connection: AsyncConnection,
        system: str,
        record_key: str,
        changes: Sequence[NewChange],
        now: datetime,
    ) -> None:
        """Queue `changes` to one record after those already queued, in the caller's transaction.

        Two writers racing on one record clash on (system, record_key, seq), and one rolls back;
        ticket writes never race here, as the ticket's own version check runs first.
        """
        if not changes:
            return
        last = await connection.scalar(
            select(func.max(c.c.seq)).where(c.c.system == system, c.c.record_key == record_key)
        )
        common = {"system": system, "record_key": record_key, "state": "queued", "attempts": 0}
        common |= {"next_attempt_at": now, "created_at": now, "updated_at": now}
        rows = [
            common
            | {"seq": (last or 0) + n, "kind": ch.kind, "payload": dict(ch.payload)}
            | {"actor_id": ch.actor_id}
            for n, ch in enumerate(changes, start=1)
        ]
        await connection.execute(insert(c), rows)

    async def add(
        self, system: str, record_key: str, changes: Sequence[NewChange], now: datetime
    ) -> None:
        """Queue changes in a transaction of their own."""
        async with self._db.engine.begin() as connection:
            await self.enqueue(connection, system, record_key, changes, now)

    async def claim_heads(
        self, system: str, runner: str, now: datetime, lease: float, limit: int
    ) -> list[SyncChange]:
        """Take up to `limit` records' heads that are due, longest waiting first."""
        due = and_(c.c.system == system, _free(now), _is_head())
        pick = (
            select(c.c.id)
            .where(due)
            .order_by(c.c.next_attempt_at, c.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)  # PostgreSQL: skip rows another claimer takes
        )
        rows = await claim_rows(self._db, c, due, self._claim(runner, now, lease), pick)
        return sorted((_change(r) for r in rows), key=lambda ch: (ch.next_attempt_at, ch.id))

    async def followers(self, head: SyncChange, now: datetime, limit: int) -> list[SyncChange]:
        """The changes queued behind a claimed head, in order (candidates to merge with it)."""
        query = (
            select(c)
            .where(
                c.c.system == head.system,
                c.c.record_key == head.record_key,
                c.c.seq > head.seq,
                or_(c.c.state == "queued", and_(c.c.state == "sending", c.c.claimed_until <= now)),
            )
            .order_by(c.c.seq)
            .limit(limit)
        )
        async with self._db.engine.connect() as connection:
            return [_change(r) for r in (await connection.execute(query)).mappings().all()]

    async def take(
        self, ids: Sequence[int], runner: str, now: datetime, lease: float
    ) -> list[SyncChange]:
        """Claim changes behind a head this runner holds (no one else can: they are not heads)."""
        if not ids:
            return []
        free = or_(c.c.state == "queued", and_(c.c.state == "sending", c.c.claimed_until <= now))
        condition = and_(c.c.id.in_(list(ids)), free)
        rows = await claim_rows(self._db, c, condition, self._claim(runner, now, lease))
        return sorted((_change(r) for r in rows), key=lambda ch: ch.seq)

    @staticmethod
    def _claim(runner: str, now: datetime, lease: float) -> dict[str, Any]:
        until = now + timedelta(seconds=lease)
        # A change still "sending" was claimed by a sender that died: it may have reached the
        # system, so it counts as a try and the sender looks before sending it again.
        tried = case((c.c.state == "sending", c.c.attempts + 1), else_=c.c.attempts)
        claim = {"state": "sending", "claimed_by": runner, "claimed_until": until}
        return claim | {"attempts": tried, "updated_at": now}

    async def _set(self, condition: Any, values: dict[str, Any]) -> int:
        async with self._db.engine.begin() as connection:
            result = await connection.execute(update(c).where(condition).values(values))
        return result.rowcount

    async def mark_sent(
        self, ids: Sequence[int], now: datetime, remote_ids: Mapping[int, str] | None = None
    ) -> None:
        """Delivered, whoever holds them now: a late answer still counts."""
        values = {"state": "sent", "sent_at": now, "updated_at": now, "attempts": c.c.attempts + 1}
        remote_ids = remote_ids or {}
        if remote_ids:
            values["remote_id"] = case(
                *((c.c.id == i, remote_ids[i]) for i in ids if i in remote_ids),
                else_=c.c.remote_id,
            )
        await self._set(c.c.id.in_(list(ids)), values | _UNCLAIMED)

    async def retry(
        self,
        ids: Sequence[int],
        runner: str,
        at: datetime,
        now: datetime,
        error: str | None = None,
        attempt: bool = True,
    ) -> int:
        """Back in the queue, due at `at`; `attempt`: the try counts (not for a 429 or a hand-back).

        Only while this runner still holds them: a claim that ran out belongs to someone else.
        """
        values: dict[str, Any] = {"state": "queued", "next_attempt_at": at, "updated_at": now}
        if attempt:
            values["attempts"] = c.c.attempts + 1
        if error is not None:
            values["last_error"] = error
        mine = and_(c.c.id.in_(list(ids)), c.c.state == "sending", c.c.claimed_by == runner)
        return await self._set(mine, values | _UNCLAIMED)

    async def mark_dead(self, ids: Sequence[int], reason: str, now: datetime) -> None:
        """Given up: refused by the system, or out of attempts."""
        values = {"state": "dead", "dead_reason": reason, "last_error": reason, "updated_at": now}
        values["attempts"] = c.c.attempts + 1
        await self._set(and_(c.c.id.in_(list(ids)), c.c.state != "sent"), values | _UNCLAIMED)

    async def next_due(self, system: str) -> datetime | None:
        """When a head of `system` can next be claimed (due, or its holder's lease runs out)."""
        free_at = case((c.c.state == "queued", c.c.next_attempt_at), else_=c.c.claimed_until)
        query = select(func.min(free_at, type_=UtcDateTime())).where(
            c.c.system == system, c.c.state.in_(("queued", "sending")), _is_head()
        )
        async with self._db.engine.connect() as connection:
            return (await connection.execute(query)).scalar()

    async def unsent(self, system: str, record_key: str) -> bool:
        """Whether a change to this record is still queued or being sent."""
        pending = exists().where(
            c.c.system == system,
            c.c.record_key == record_key,
            c.c.state.in_(("queued", "sending")),
        )
        async with self._db.engine.connect() as connection:
            return bool(await connection.scalar(select(pending)))

    async def of_record(self, system: str, record_key: str) -> list[SyncChange]:
        """Every change to one record, in order."""
        query = select(c).where(c.c.system == system, c.c.record_key == record_key)
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query.order_by(c.c.seq))).mappings().all()
        return [_change(r) for r in rows]

    async def dead_letters(self, limit: int) -> list[SyncChange]:
        """The latest changes given up on, newest first."""
        query = select(c).where(c.c.state == "dead").order_by(c.c.updated_at.desc(), c.c.id.desc())
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query.limit(limit))).mappings().all()
        return [_change(r) for r in rows]

    async def stats(self) -> dict[str, QueueStats]:
        """Each system's depth, oldest unsent change and dead letters, as stored now."""
        unsent = c.c.state.in_(("queued", "sending"))
        query = select(
            c.c.system,
            func.count().filter(unsent),
            func.min(case((unsent, c.c.created_at)), type_=UtcDateTime()),
            func.count().filter(c.c.state == "dead"),
        ).group_by(c.c.system)
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        return {system: QueueStats(depth, oldest, dead) for system, depth, oldest, dead in rows}
