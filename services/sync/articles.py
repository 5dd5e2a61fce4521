"""Published knowledge articles onto the sync queue, in the publish's transaction."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from services.knowledge.model import Article
from services.sync.model import NewChange
from services.sync.queue import SyncQueue

PUBLISH = "publish_article"


class ArticleOutbound:
    """Queues a "publish_article" change keyed by the article's number ("KB-3"); the system's
    sender reads the article as it is when sent."""

    def __init__(self, queue: SyncQueue, system: str) -> None:
        self._queue, self._system = queue, system

    async def published(self, connection: AsyncConnection, article: Article) -> None:
        """Queue the copy of `article`, published in this transaction."""
        change = NewChange(PUBLISH, {"article_id": article.id}, article.published_by)
        await self._queue.enqueue(
            connection, self._system, article.number, [change], article.updated_at
        )
