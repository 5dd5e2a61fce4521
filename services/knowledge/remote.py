"""The local copies of an outside knowledge base's articles (Zendesk Guide): linked, mirrored.

A draft published here gets its outside id and page once the sync sends it (`link`); an article
written out there becomes a published local article (`apply`), so search stays local and fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from services.db.database import Database
from services.db.schema import kb_articles
from services.knowledge.model import Article, ArticleContent, ArticleStatus
from services.knowledge.rows import content_columns, live_articles, load
from services.profile import Profile

MIRROR_ACTOR = "zendesk"  # who wrote and published an article mirrored from the Help Center


@dataclass(frozen=True)
class RemoteArticle:
    """A published article as the outside knowledge base has it."""

    remote_id: str
    content: ArticleContent
    url: str | None
    updated_at: datetime


class RemoteCopies:
    """A profile's articles by their outside id."""

    def __init__(self, db: Database, profile: Profile) -> None:
        self._db, self._profile = db, profile.name

    async def _find(self, *conditions: Any) -> list[Article]:
        async with self._db.engine.connect() as connection:
            return await load(connection, live_articles(self._profile).where(*conditions))

    async def linked(self, remote_id: str) -> Article | None:
        """The local article that is this outside one, if any."""
        found = await self._find(kb_articles.c.remote_id == remote_id)
        return found[0] if found else None

    async def linked_ids(self, remote_ids: list[str]) -> set[str]:
        """Which of these outside ids a local article already is."""
        found = await self._find(kb_articles.c.remote_id.in_(remote_ids))
        return {article.remote_id for article in found if article.remote_id}

    async def link(self, article_id: int, remote: RemoteArticle) -> None:
        """The article is `remote` out there now; written without a new version (it is the
        article's address, not an edit, so an open card does not go stale)."""
        values = {"remote_id": remote.remote_id, "remote_url": remote.url}
        values |= {"remote_updated_at": remote.updated_at}
        async with self._db.engine.begin() as connection:
            await connection.execute(
                update(kb_articles).where(kb_articles.c.id == article_id).values(**values)
            )

    async def apply(self, remote: RemoteArticle, now: datetime) -> bool:
        """Mirror one published outside article; False when there was nothing new."""
        async with self._db.engine.begin() as connection:
            row = (
                await connection.execute(
                    select(kb_articles.c.id, kb_articles.c.remote_updated_at).where(
                        kb_articles.c.profile == self._profile,
                        kb_articles.c.remote_id == remote.remote_id,
                    )
                )
            ).first()
            if row is None:
                row = await self._unsent_publish(connection, remote)
            if row is not None and row.remote_updated_at == remote.updated_at:
                return False
            address = {"remote_id": remote.remote_id, "remote_url": remote.url}
            address |= {"remote_updated_at": remote.updated_at}
            if row is None:
                await connection.execute(insert(kb_articles).values(**self._new(remote, now)))
                return True
            changed = content_columns(remote.content) | address
            changed |= {"updated_by": MIRROR_ACTOR, "updated_at": now}
            await connection.execute(
                update(kb_articles)
                .where(kb_articles.c.id == row.id)
                .values(**changed, version=kb_articles.c.version + 1)
            )
        return True

    async def _unsent_publish(self, connection, remote: RemoteArticle):
        """A draft published here whose copy's answer was lost: the same title, no id yet."""
        return (
            await connection.execute(
                select(kb_articles.c.id, kb_articles.c.remote_updated_at).where(
                    kb_articles.c.profile == self._profile,
                    kb_articles.c.status == ArticleStatus.PUBLISHED.value,
                    kb_articles.c.remote_id.is_(None),
                    kb_articles.c.title == remote.content.title,
                )
            )
        ).first()

    def _new(self, remote: RemoteArticle, now: datetime) -> dict[str, Any]:
        return {
            "profile": self._profile,
            "status": ArticleStatus.PUBLISHED.value,
            **content_columns(remote.content),
            "created_by": MIRROR_ACTOR,
            "created_at": now,
            "updated_by": MIRROR_ACTOR,
            "updated_at": now,
            "published_by": MIRROR_ACTOR,
            "published_at": remote.updated_at,
            "remote_id": remote.remote_id,
            "remote_url": remote.url,
            "remote_updated_at": remote.updated_at,
        }
