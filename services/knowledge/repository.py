"""EmbeddedKnowledgeBase: the knowledge base on the app's SQLite or PostgreSQL database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.engines import SQLITE_BEGIN
from services.db.schema import kb_article_sources, kb_articles
from services.knowledge.model import Article, ArticleContent, ArticleStatus, SearchHit
from services.knowledge.port import PublishOutbound
from services.knowledge.query import Analyzer
from services.knowledge.ranking import Ranking, closest_titles
from services.knowledge.rows import content_columns, live_articles, load
from services.knowledge.versions import merge_drafts, save_version
from services.profile import Profile

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class _TicketHasOne(Exception):
    """Another draft of the same ticket got in first: roll this one back."""


class EmbeddedKnowledgeBase:
    """The local database as the knowledge base: a profile's articles, ranked in process.

    With `outbound`, publishing a draft also queues it for an outside knowledge base, and
    articles mirrored from there (services.knowledge.remote) are searched like the rest.
    """

    def __init__(
        self, db: Database, profile: Profile, outbound: PublishOutbound | None = None
    ) -> None:
        self._db = db
        self._profile = profile.name
        self._analyzer = Analyzer(profile.knowledge.synonyms)
        self._outbound = outbound

    def _select(self) -> Select[Any]:
        """This profile's drafts and published articles."""
        return live_articles(self._profile)

    async def _all(self, query: Select[Any]) -> list[Article]:
        async with self._db.engine.connect() as connection:
            return await load(connection, query)

    @asynccontextmanager
    async def _writing(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction; on SQLite it takes the write lock at BEGIN.

        A deferred transaction that reads before it writes (a merge checks versions) would
        fail with "database is locked" instead of waiting when another writer commits first.
        """
        async with self._db.engine.connect() as connection:
            if self._db.dialect == "sqlite":
                await connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
            async with connection.begin():
                yield connection

    async def _one(self, condition: ColumnElement[bool]) -> Article | None:
        found = await self._all(self._select().where(condition))
        return found[0] if found else None

    async def create_draft(
        self,
        content: ArticleContent,
        *,
        author_id: str,
        now: datetime,
        source_ticket_id: int | None = None,
    ) -> tuple[Article, bool]:
        """A new draft; (article, True), or (the ticket's existing article, False)."""
        values = {
            "profile": self._profile,
            "status": ArticleStatus.DRAFT.value,
            **content_columns(content),
            "created_by": author_id,
            "created_at": now,
            "updated_by": author_id,
            "updated_at": now,
        }
        try:
            async with self._writing() as connection:
                new_id = await connection.scalar(
                    insert(kb_articles).values(**values).returning(kb_articles.c.id)
                )
                if source_ticket_id is not None:
                    await self._link(connection, new_id, source_ticket_id)
        except _TicketHasOne:
            existing = await self.for_ticket(source_ticket_id or 0)
            if existing is None:
                raise RuntimeError(
                    f"ticket {source_ticket_id} clashed but has no article"
                ) from None
            return existing, False
        created = await self.get(new_id)
        assert created is not None  # inserted just now
        return created, True

    async def _link(self, connection: AsyncConnection, article_id: int, ticket_id: int) -> None:
        """Record the article's source ticket; _TicketHasOne if the ticket has an article."""
        # A repeated "worth an article", even racing the first, finds the first draft.
        linked = await connection.scalar(
            _INSERT[self._db.dialect](kb_article_sources)
            .values(article_id=article_id, ticket_id=ticket_id)
            .on_conflict_do_nothing(index_elements=["ticket_id"])
            .returning(kb_article_sources.c.ticket_id)
        )
        if linked is None:
            raise _TicketHasOne

    async def get(self, article_id: int) -> Article | None:
        """The article with this id, draft or published."""
        return await self._one(kb_articles.c.id == article_id)

    async def for_ticket(self, ticket_id: int) -> Article | None:
        """The article drafted from this ticket, if any."""
        link = kb_article_sources.c
        return await self._one(
            kb_articles.c.id.in_(select(link.article_id).where(link.ticket_id == ticket_id))
        )

    async def merged_into(self, article_id: int) -> Article | None:
        """The article a draft with this id was merged into, if it was."""
        merged = kb_articles.alias("merged")
        into = select(merged.c.merged_into_id).where(
            merged.c.id == article_id, merged.c.status == "merged"
        )
        return await self._one(kb_articles.c.id.in_(into))

    async def drafts(self) -> list[Article]:
        """Drafts waiting to be published, oldest first."""
        query = self._select().where(kb_articles.c.status == "draft").order_by(kb_articles.c.id)
        return await self._all(query)

    async def save(self, article: Article, expected_version: int) -> Article:
        """Store an edited or published article; StaleArticle if it changed meanwhile."""
        async with self._writing() as connection:
            was = await save_version(connection, article, expected_version)
            if self._outbound is not None and article.is_published and was == "draft":
                # In the publish's transaction: published here means on its way there.
                await self._outbound.published(connection, article)
        return replace(article, version=expected_version + 1)

    async def merge(self, kept: Article, kept_version: int, gone: Article) -> Article:
        """Store `kept` with `gone`'s sources added; `gone` goes into it (see KnowledgeBase)."""
        async with self._writing() as connection:
            await merge_drafts(connection, kept, kept_version, gone)
        merged = await self.get(kept.id)
        assert merged is not None  # written just now
        return merged

    async def _articles(self, drafts: bool) -> list[Article]:
        query = self._select().order_by(kb_articles.c.id)
        if not drafts:
            query = query.where(kb_articles.c.status == ArticleStatus.PUBLISHED.value)
        return await self._all(query)

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
        """Articles sharing the terms of `text`, best first (see KnowledgeBase)."""
        # The machine model counts as a field of its own, not as words in common.
        model_terms = set(self._analyzer.terms(machine_model or ""))
        query = [t for t in self._analyzer.tokens(text) if t.term not in model_terms]
        wanted = len({t.term for t in query})
        if not wanted or limit < 1:
            return []
        needed = wanted if min_terms is None else max(1, min(min_terms, wanted))
        ranking = Ranking(self._analyzer, await self._articles(drafts))
        hits = ranking.rank(query, machine_model=machine_model, issue_type=issue_type)
        return [h for h in hits if h.matched_terms >= needed and h.coverage >= min_coverage][:limit]

    async def closest(self, text: str, *, limit: int = 3, drafts: bool = False) -> list[Article]:
        """Articles whose titles look most like `text`, for when no article has its words."""
        return closest_titles(text, await self._articles(drafts), limit)
