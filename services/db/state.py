"""Bot state documents with e_tag optimistic concurrency, in the bot_state table."""

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.schema import bot_state
from services.db.types import utc_now
from services.db.upsert import upsert

# Either of these as the expected e_tag means "whatever is stored, overwrite it".
UNCONDITIONAL = (None, "*")


class EtagConflict(Exception):
    """A conditional write found another e_tag stored (or no document) under the key."""

    def __init__(self, key: str, expected: str, stored: str | None) -> None:
        """Record the key, the e_tag the writer had read, and what is stored now."""
        found = f"e_tag {stored!r}" if stored is not None else "no document"
        super().__init__(
            f"bot state {key!r} changed since it was read: expected e_tag {expected!r}, "
            f"found {found}"
        )
        self.key = key
        self.expected = expected
        self.stored = stored


class StateRepository:
    """Reads and writes JSON state documents keyed by string, each with an e_tag."""

    def __init__(self, db: Database) -> None:
        """Use the given database."""
        self._db = db

    async def read(self, keys: Iterable[str]) -> dict[str, tuple[dict[str, Any], str]]:
        """The stored (data, e_tag) for each key that exists; missing keys are left out."""
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return {}
        query = select(bot_state.c.key, bot_state.c.data, bot_state.c.e_tag).where(
            bot_state.c.key.in_(wanted)
        )
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).all()
        return {row.key: (row.data, row.e_tag) for row in rows}

    async def write(self, key: str, data: dict[str, Any], expected_e_tag: str | None) -> str:
        """Store `data` under `key` and return its new e_tag.

        expected_e_tag None or "*" overwrites unconditionally; any other value must equal the
        stored e_tag, else EtagConflict is raised and nothing is written.
        """
        return (await self.write_many({key: (data, expected_e_tag)}))[key]

    async def write_many(
        self, changes: Mapping[str, tuple[dict[str, Any], str | None]]
    ) -> dict[str, str]:
        """Write several documents in one transaction: all of them, or none on a conflict."""
        new_tags: dict[str, str] = {}
        async with self._db.engine.begin() as connection:
            for key, (data, expected) in changes.items():
                new_tags[key] = await self._write_one(connection, key, data, expected)
        return new_tags

    async def _write_one(
        self, connection: AsyncConnection, key: str, data: dict[str, Any], expected: str | None
    ) -> str:
        if expected == "":
            raise ValueError(f"empty e_tag for bot state {key!r}: pass None or '*' to overwrite")
        new_tag = uuid.uuid4().hex
        values = {"key": key, "data": data, "e_tag": new_tag, "updated_at": utc_now()}
        if expected in UNCONDITIONAL:
            # One atomic statement, so two writers racing to create the key cannot both insert.
            await connection.execute(upsert(self._db.dialect, bot_state, values, ["key"]))
            return new_tag
        # Compare-and-swap in the WHERE clause: the check and the write cannot be split apart.
        result = await connection.execute(
            update(bot_state)
            .where(bot_state.c.key == key, bot_state.c.e_tag == expected)
            .values(data=data, e_tag=new_tag, updated_at=values["updated_at"])
        )
        if result.rowcount != 1:
            stored = await connection.scalar(
                select(bot_state.c.e_tag).where(bot_state.c.key == key)
            )
            raise EtagConflict(key, expected, stored)
        return new_tag

    async def delete(self, keys: Iterable[str]) -> None:
        """Remove the documents under these keys; unknown keys are ignored."""
        doomed = list(dict.fromkeys(keys))
        if not doomed:
            return
        async with self._db.engine.begin() as connection:
            await connection.execute(delete(bot_state).where(bot_state.c.key.in_(doomed)))
