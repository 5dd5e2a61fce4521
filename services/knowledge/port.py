"""The knowledge-base port: what the knowledge process needs of wherever articles live.

BestPack's articles live in Zendesk Guide. EmbeddedKnowledgeBase (services.knowledge.repository)
is the default on the local database, so everything works with no credentials; a Zendesk Guide
implementation (issue 13) takes the same Protocol, its client in services.clients, and
services.app_services picks one. Permissions are not the store's business:
services.knowledge.rules decides them.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from services.knowledge.model import Article, ArticleContent, SearchHit

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncConnection


class KnowledgeBase(Protocol):
    """What the knowledge process asks of the article store: drafts, saves and search.

    A save that lost a race raises StaleArticle.
    """

    async def create_draft(
        self,
        content: ArticleContent,
        *,
        author_id: str,
        now: datetime,
        source_ticket_id: int | None = None,
    ) -> tuple[Article, bool]:
        """A new draft; (article, True), or (the ticket's existing article, False)."""
        ...

    async def get(self, article_id: int) -> Article | None:
        """The article with this id, draft or published."""
        ...

    async def for_ticket(self, ticket_id: int) -> Article | None:
        """The article drafted from this ticket, if any."""
        ...

    async def merged_into(self, article_id: int) -> Article | None:
        """The article a draft with this id was merged into, if it was."""
        ...

    async def drafts(self) -> list[Article]:
        """Drafts waiting to be published, oldest first."""
        ...

    async def save(self, article: Article, expected_version: int) -> Article:
        """Store an edited or published article; StaleArticle if it changed meanwhile."""
        ...

    async def merge(self, kept: Article, kept_version: int, gone: Article) -> Article:
        """Store `kept` with `gone`'s sources added and retire `gone` into it.

        StaleArticle if either changed since it was read (`gone` at its own version).
        """
        ...

    async def search(
        self,
        text: str,
        *,
        limit: int = 5,
        min_terms: int | None = None,
        min_coverage: float = 0.0,
        machine_model: str | None = None,
        issue_type: str | None = None,
        drafts: bool = False,
    ) -> list[SearchHit]:
        """Published articles (and drafts when `drafts`) sharing the terms of `text`, best first.

        Every term must match unless `min_terms` says how many suffice; `min_coverage` drops
        hits that share too little of the query or of their title. The same machine model and
        issue type rank higher and count towards coverage; the model's words are not terms.
        """
        ...

    async def closest(self, text: str, *, limit: int = 3, drafts: bool = False) -> list[Article]:
        """Articles whose titles are spelled most like `text`, for when none has its terms."""
        ...


class PublishOutbound(Protocol):
    """Queues a just-published article for an outside knowledge base, in the publish's
    transaction (services.sync.articles for Zendesk Guide)."""

    async def published(self, connection: AsyncConnection, article: Article) -> None:
        """Queue `article`, published in this transaction."""
        ...
