"""The outbox: proactive messages stored before they are sent, so none is lost or doubled.

A sender claims a message with one conditional UPDATE (pending and not claimed, or its claim
expired) that sets claimed_by/claimed_until, so two senders — tasks, workers or replicas —
never both hold it (services/db/claims.py, shared with the sync queue). A sender that dies
loses its claim when the lease runs out and any sender takes the message up again. Every
outcome (sent, retry later, waiting, dead) clears the claim in the same UPDATE that records it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, insert, update
from sqlalchemy.exc import IntegrityError

from services.db.claims import claim_rows
from services.db.outbox_message import OutboxMessage, TargetKind
from services.db.outbox_message import message_from_row as _message
from services.db.outbox_queries import claimable, due_pending, round_robin_pick
from services.db.outbox_reads import OutboxReads
from services.db.schema import outbox
from services.db.types import utc_now

# Many callers import the message type from here, beside the repository that stores it.
__all__ = ["OutboxMessage", "OutboxRepository", "TargetKind"]

_UNCLAIMED = {"claimed_by": None, "claimed_until": None}


class OutboxRepository(OutboxReads):
    """Adds messages once per dedupe key, hands them to one sender at a time, records outcomes."""

    async def add(
        self,
        message: OutboxMessage,
        claimed_by: str | None = None,
        lease: float = 0.0,
        not_before: datetime | None = None,
        delivered_as: str | None = None,
    ) -> tuple[OutboxMessage, bool]:
        """Store a new message; the one already stored under its dedupe key wins.

        It is due now, or `not_before`. With `claimed_by` it is stored claimed for `lease`
        seconds, so the sender adding it can try it at once without a worker taking it first.
        With `delivered_as` (an activity id) it is stored as sent: a card a turn's answer put in
        place, kept under its key so it can be updated later like a delivered notice.
        """
        now = utc_now()
        values = {
            name: getattr(message, name)
            for name in ("dedupe_key", "target_kind", "target", "payload", "thread_id")
        }
        values.update(status="pending", attempts=0, created_at=now, updated_at=now)
        values.update(next_attempt_at=not_before or now)
        if claimed_by is not None:
            values.update(claimed_by=claimed_by, claimed_until=now + timedelta(seconds=lease))
        if delivered_as is not None:
            values.update(status="sent", activity_id=delivered_as, sent_at=now)
        try:
            async with self._db.engine.begin() as connection:
                statement = insert(outbox).values(**values).returning(*outbox.c)
                row = (await connection.execute(statement)).mappings().one()
        except IntegrityError:
            existing = await self._one(outbox.c.dedupe_key == message.dedupe_key)
            if existing is None:
                raise
            return existing, False
        return _message(row), True

    async def _claim(self, condition, runner: str, now: datetime, lease: float, pick=None):
        """Claim the rows matching `condition` (among those `pick` selects, if given)."""
        values = {"status": "pending", "claimed_by": runner, "updated_at": now}
        values["claimed_until"] = now + timedelta(seconds=lease)
        rows = await claim_rows(self._db, outbox, condition, values, pick)
        return [_message(r) for r in rows]

    async def claim(
        self, message_id: int, runner: str, now: datetime, lease: float
    ) -> OutboxMessage | None:
        """Take one pending or waiting message for `lease` seconds; None if not free and due."""
        condition = and_(
            outbox.c.id == message_id,
            outbox.c.status.in_(("pending", "waiting")),
            claimable(now),
        )
        claimed = await self._claim(condition, runner, now, lease)
        return claimed[0] if claimed else None

    async def claim_due(
        self,
        runner: str,
        now: datetime,
        lease: float,
        limit: int,
        per_target: int | None = None,
        skip: Collection[tuple[str, str]] = (),
        only: Collection[tuple[str, str]] = (),
    ) -> list[OutboxMessage]:
        """Take up to `limit` due pending messages for `lease` seconds (only for `only`'s
        (kind, target) pairs when it is given).

        Round-robin over targets (each one's longest-due first, then every target's next),
        at most `per_target` per target, none for the (kind, target) pairs in `skip`: one
        flooded chat, paced at 7/s, must not fill a batch while the others wait.
        """
        due = due_pending(now, skip, only)
        pick = round_robin_pick(due, limit, per_target)
        # `due` again in the UPDATE itself: each row is re-checked as it is written.
        claimed = await self._claim(due, runner, now, lease, pick=pick)
        return sorted(claimed, key=lambda m: (m.next_attempt_at or m.created_at, m.id))

    async def _set(self, condition, **values: Any) -> int:
        values["updated_at"] = utc_now()
        async with self._db.engine.begin() as connection:
            result = await connection.execute(update(outbox).where(condition).values(values))
        return result.rowcount

    async def mark_sent(self, message_id: int, activity_id: str | None) -> None:
        """Delivered: Teams gave it `activity_id`. One UPDATE, committed at once: until it is,
        a sender that dies leaves a delivered message to be sent again."""
        await self._set(
            outbox.c.id == message_id,
            status="sent",
            activity_id=activity_id,
            sent_at=utc_now(),
            attempts=outbox.c.attempts + 1,
            **_UNCLAIMED,
        )

    async def set_payload(self, message_id: int, payload: dict[str, Any]) -> None:
        """What a message not sent yet will show: a held card as it stands when delivered."""
        await self._set((outbox.c.id == message_id) & (outbox.c.status != "sent"), payload=payload)

    async def mark_waiting(self, message_id: int, reason: str) -> None:
        """Not deliverable until the target has a usable conversation."""
        await self._set(
            outbox.c.id == message_id, status="waiting", last_error=reason, **_UNCLAIMED
        )

    async def schedule_retry(self, message_id: int, next_attempt_at: datetime, error: str) -> None:
        """An attempt failed for a passing reason; try again at `next_attempt_at`."""
        await self._set(
            outbox.c.id == message_id,
            status="pending",
            last_error=error,
            attempts=outbox.c.attempts + 1,
            next_attempt_at=next_attempt_at,
            **_UNCLAIMED,
        )

    async def mark_dead(self, message_id: int, error: str) -> None:
        """The last attempt failed, or one that cannot succeed: no more tries."""
        await self._set(
            outbox.c.id == message_id,
            status="dead",
            last_error=error,
            attempts=outbox.c.attempts + 1,
            **_UNCLAIMED,
        )

    async def release(
        self, message_ids: Sequence[int], runner: str, next_attempt_at: datetime
    ) -> int:
        """Give back claimed messages untried (the pace is full): due again at `next_attempt_at`."""
        if not message_ids:
            return 0
        condition = and_(
            outbox.c.id.in_(list(message_ids)),
            outbox.c.claimed_by == runner,
            outbox.c.status == "pending",
        )
        return await self._set(condition, next_attempt_at=next_attempt_at, **_UNCLAIMED)

    async def rewrite_waiting(self, dedupe_key: str, payload: dict[str, Any]) -> bool:
        """Replace what a held message says (a list that changed while it waited); False when
        no message under the key is waiting (sent already, or never stored)."""
        statement = (
            update(outbox)
            .where(outbox.c.dedupe_key == dedupe_key, outbox.c.status == "waiting")
            .values(payload=payload, updated_at=utc_now())
        )
        async with self._db.engine.begin() as connection:
            return (await connection.execute(statement)).rowcount == 1
