"""Activity receipts: apply each Teams activity once and give a retry the first answer.

Teams re-sends an activity with the same id when the bot is slow. A turn claims its activity
id lazily, inside the transaction of its first change (`stamp`): a turn that changes nothing
costs one read, and a change and its receipt commit or roll back together, so even after a
crash a retry knows whether the change was made. When two copies race, the second one's
insert finds the first's receipt, its transaction rolls back (DuplicateActivity), and it
answers with what the first one answered.
"""

from __future__ import annotations

import hashlib
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import activity_receipts as R
from services.db.types import utc_now

KEEP_FOR = timedelta(days=1)
# Longer than any turn takes: a receipt still "running" after it belongs to a copy that died.
LEASE = timedelta(seconds=60)
_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class DuplicateActivity(Exception):
    """Another copy of this activity made its change first; this copy's change rolled back."""


@dataclass
class Claim:
    """The current turn's activity id, the nonce its receipt is written under, and whether a
    write transaction tried to write it (committed or not: finish() checks the owner)."""

    key: str
    owner: str = field(default_factory=lambda: uuid.uuid4().hex)
    tried: bool = False


# The claim of the turn being handled; repositories stamp it inside their write transactions.
current_receipt: ContextVar[Claim | None] = ContextVar("current_receipt", default=None)


def receipt_key(channel: str, conversation: str, activity_id: str) -> str:
    """A fixed-length key for one activity of one conversation."""
    raw = "\x1f".join((channel, conversation, activity_id)).encode("utf-8", "replace")
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Receipt:
    """What is known of an activity already applied."""

    status: str
    lease_until: datetime
    answer_status: int | None
    answer_body: Any


async def stamp(connection: AsyncConnection) -> None:
    """Write the current turn's receipt in the caller's write transaction, before its change.

    Called first in the transaction, so a rival copy blocks on the receipt (PostgreSQL) or the
    write lock (SQLite) and then finds it taken, before it changes anything.
    """
    claim = current_receipt.get()
    if claim is None:
        return
    claim.tried = True
    now = utc_now()
    values = dict(
        key=claim.key,
        status="running",
        owner=claim.owner,
        lease_until=now + LEASE,
        applied_at=now,
        created_at=now,
    )
    insert = _INSERT[connection.dialect.name](R).values(**values).on_conflict_do_nothing()
    if (await connection.execute(insert)).rowcount == 1:
        return
    owner = await connection.scalar(select(R.c.owner).where(R.c.key == claim.key))
    if owner != claim.owner:
        raise DuplicateActivity(claim.key)  # raised inside the transaction: it rolls back


class ReceiptBook:
    """The activity_receipts table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, key: str) -> Receipt | None:
        """The receipt of an activity, if one of its copies changed something."""
        query = select(R.c.status, R.c.lease_until, R.c.answer_status, R.c.answer_body)
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query.where(R.c.key == key))).first()
        return Receipt(*row) if row is not None else None

    async def finish(self, claim: Claim, status: int | None, body: Any) -> bool:
        """Store the answer a retry is given, if this turn changed anything (None: it failed
        after its change); False when it changed nothing."""
        values = dict(status="done", answer_status=status, answer_body=body)
        query = update(R).where(R.c.key == claim.key, R.c.owner == claim.owner).values(**values)
        async with self._db.engine.begin() as connection:
            return (await connection.execute(query)).rowcount == 1

    async def purge(self, now: datetime) -> int:
        """Drop receipts older than a day (Teams retries within seconds)."""
        query = delete(R).where(R.c.created_at < now - KEEP_FOR)
        async with self._db.engine.begin() as connection:
            result = await connection.execute(query)
        return result.rowcount or 0
