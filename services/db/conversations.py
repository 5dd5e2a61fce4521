"""Stored Bot Framework conversation references, for messaging people and channels later."""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.engine import RowMapping

from services.db.database import Database
from services.db.schema import conversation_refs
from services.db.types import utc_now
from services.db.upsert import upsert

ConversationKind = Literal["personal", "channel", "groupChat"]
_COLUMNS = tuple(column.name for column in conversation_refs.columns)


@dataclass(frozen=True)
class StoredReference:
    """A conversation reference as stored: `reference` is ConversationReference.serialize()."""

    key: str
    kind: ConversationKind
    person_id: str | None
    tenant_id: str | None
    team_id: str | None
    channel_id: str | None
    reference: dict[str, Any]
    usable: bool = True
    updated_at: datetime | None = None
    unusable_reason: str | None = None


def _from_row(row: RowMapping) -> StoredReference:
    return StoredReference(**{name: row[name] for name in _COLUMNS})


class ConversationRefRepository:
    """Keeps one reference per key ("user:<aadObjectId>", "channel:<id>", "conversation:<id>")."""

    def __init__(self, db: Database) -> None:
        """Use the given database."""
        self._db = db

    async def upsert(self, ref: StoredReference) -> StoredReference:
        """Store `ref` (replacing any under its key) and return it as stored, with updated_at.

        It is stored as usable: a fresh reference comes from a fresh activity, which proves
        the conversation works again even if an earlier send had failed.
        """
        stored = replace(ref, usable=True, unusable_reason=None, updated_at=utc_now())
        values = {name: getattr(stored, name) for name in _COLUMNS}
        async with self._db.engine.begin() as connection:
            await connection.execute(upsert(self._db.dialect, conversation_refs, values, ["key"]))
        return stored

    async def get(self, key: str) -> StoredReference | None:
        """The reference stored under `key`, if any."""
        query = select(conversation_refs).where(conversation_refs.c.key == key)
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        return _from_row(row) if row is not None else None

    async def for_person(self, person_id: str) -> StoredReference | None:
        """The person's 1:1 chat with the bot: a usable one first, then the most recent."""
        query = (
            select(conversation_refs)
            .where(
                conversation_refs.c.person_id == person_id,
                conversation_refs.c.kind == "personal",
            )
            .order_by(conversation_refs.c.usable.desc(), conversation_refs.c.updated_at.desc())
            .limit(1)
        )
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        return _from_row(row) if row is not None else None

    async def mark_unusable(self, key: str, reason: str) -> bool:
        """Flag a reference the bot can no longer send to (uninstalled, blocked, 403/404).

        Returns False when no reference is stored under `key`.
        """
        statement = (
            update(conversation_refs)
            .where(conversation_refs.c.key == key)
            .values(usable=False, unusable_reason=reason, updated_at=utc_now())
        )
        async with self._db.engine.begin() as connection:
            result = await connection.execute(statement)
        return result.rowcount == 1
