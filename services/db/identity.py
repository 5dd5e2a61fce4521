"""A cache of who a Teams user is: their Teams id mapped to AAD object id, email and person."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from services.db.database import Database
from services.db.schema import identity_links
from services.db.upsert import upsert

_COLUMNS = tuple(column.name for column in identity_links.columns)


@dataclass(frozen=True)
class IdentityLink:
    """What we learned about a Teams user ("29:..." id) and when we learned it."""

    channel_user_id: str
    aad_object_id: str | None
    email: str | None
    person_id: str | None
    resolved_at: datetime


class IdentityLinkRepository:
    """Reads and replaces identity links, one per Teams user id."""

    def __init__(self, db: Database) -> None:
        """Use the given database."""
        self._db = db

    async def get(self, channel_user_id: str) -> IdentityLink | None:
        """The link cached for this Teams user id, if any."""
        query = select(identity_links).where(identity_links.c.channel_user_id == channel_user_id)
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(query)).mappings().first()
        if row is None:
            return None
        return IdentityLink(**{name: row[name] for name in _COLUMNS})

    async def put(self, link: IdentityLink) -> None:
        """Store `link`, replacing whatever was cached for the same Teams user id."""
        values = {name: getattr(link, name) for name in _COLUMNS}
        async with self._db.engine.begin() as connection:
            await connection.execute(
                upsert(self._db.dialect, identity_links, values, ["channel_user_id"])
            )

    async def drop(self, channel_user_id: str) -> None:
        """Forget what was cached for this Teams user id (its person left the roster)."""
        query = delete(identity_links).where(identity_links.c.channel_user_id == channel_user_id)
        async with self._db.engine.begin() as connection:
            await connection.execute(query)
