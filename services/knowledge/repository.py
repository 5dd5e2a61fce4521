"""EmbeddedKnowledgeBase: the knowledge base on the app's SQLite or PostgreSQL database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.database import Database
from services.db.engines import SQLITE_BEGIN
from services.db.schema import kb_articles, tickets
from services.knowledge.content import join_models, split_models
from services.knowledge.model import (
    Article,
    ArticleContent,
    ArticleStatus,
    SearchHit,
    StaleArticle,
)
from services.knowledge.query import Analyzer
from services.knowledge.ranking import Ranking, closest_titles
from services.profile import Profile

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def _content_values(content: ArticleContent) -> dict[str, Any]:
    return {
        "title": content.title,
        "problem": content.problem,
        "symptoms": content.symptoms,
        "cause": content.cause,
        "resolution": content.resolution,
        "machine_models": join_models(content.machine_models),
    }


def article_from_row(row: Mapping[str, Any]) -> Article:
    """An Article from a kb_articles row joined with its source ticket's number."""
    content = ArticleContent(
        title=row["title"],
        problem=row["problem"],
        symptoms=row["symptoms"],
        cause=row["cause"],
        resolution=row["resolution"],
        machine_models=split_models(row["machine_models"]),
    )
    return Article(
        id=row["id"],
        profile=row["profile"],
        status=ArticleStatus(row["status"]),
        content=content,
        created_by=row["created_by"],
        created_at=row["created_at"],
        updated_by=row["updated_by"],
        updated_at=row["updated_at"],
        source_ticket_id=row["source_ticket_id"],
        source_number=row["source_number"],
        published_by=row["published_by"],
        published_at=row["published_at"],
        version=row["version"],
        source_issue_type=row["source_issue_type"],
    )


class EmbeddedKnowledgeBase:
    """The local database as the knowledge base: a profile's articles, ranked in process."""

    def __init__(self, db: Database, profile: Profile) -> None:
        self._db = db
        self._profile = profile.name
        self._analyzer = Analyzer(profile.knowledge.synonyms)

    def _select(self) -> Select[Any]:
        """Every article column plus the source ticket's number, for this profile."""
        return (
            select(
                *kb_articles.c,
                tickets.c.number.label("source_number"),
                tickets.c.issue_type.label("source_issue_type"),
            )
            .select_from(
                kb_articles.outerjoin(tickets, tickets.c.id == kb_articles.c.source_ticket_id)
            )
            .where(kb_articles.c.profile == self._profile)
        )

    @asynccontextmanager
    async def _writing(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction; on SQLite it takes the write lock at BEGIN.

        FTS5 reads its own tables while a statement is prepared, so a deferred transaction
        would start as a reader and fail with "database is locked" instead of waiting when
        another writer commits first.
        """
        async with self._db.engine.connect() as connection:
            if self._db.dialect == "sqlite":
                await connection.execution_options(**{SQLITE_BEGIN: "BEGIN IMMEDIATE"})
            async with connection.begin():
                yield connection

    async def _one(self, condition: ColumnElement[bool]) -> Article | None:
        async with self._db.engine.connect() as connection:
            row = (await connection.execute(self._select().where(condition))).mappings().first()
        return article_from_row(row) if row is not None else None

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
            **_content_values(content),
            "source_ticket_id": source_ticket_id,
            "created_by": author_id,
            "created_at": now,
            "updated_by": author_id,
            "updated_at": now,
        }
        statement = _INSERT[self._db.dialect](kb_articles).values(**values)
        if source_ticket_id is not None:
            # A repeated "worth an article", even racing the first, finds the first draft.
            statement = statement.on_conflict_do_nothing(index_elements=["source_ticket_id"])
        async with self._writing() as connection:
            new_id = await connection.scalar(statement.returning(kb_articles.c.id))
        if new_id is None:
            existing = await self.for_ticket(source_ticket_id or 0)
            if existing is None:
                raise RuntimeError(f"ticket {source_ticket_id} clashed but has no article")
            return existing, False
        created = await self.get(new_id)
        assert created is not None  # inserted just now
        return created, True

    async def get(self, article_id: int) -> Article | None:
        """The article with this id, draft or published."""
        return await self._one(kb_articles.c.id == article_id)

    async def for_ticket(self, ticket_id: int) -> Article | None:
        """The article drafted from this ticket, if any."""
        return await self._one(kb_articles.c.source_ticket_id == ticket_id)

    async def drafts(self) -> list[Article]:
        """Drafts waiting to be published, oldest first."""
        query = self._select().where(kb_articles.c.status == "draft").order_by(kb_articles.c.id)
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [article_from_row(row) for row in rows]

    async def save(self, article: Article, expected_version: int) -> Article:
        """Store an edited or published article; StaleArticle if it changed meanwhile."""
        version = expected_version + 1
        values = {
            **_content_values(article.content),
            "status": article.status.value,
            "updated_by": article.updated_by,
            "updated_at": article.updated_at,
            "published_by": article.published_by,
            "published_at": article.published_at,
            "version": version,
        }
        async with self._writing() as connection:
            # Compare-and-swap on the version: two editors cannot overwrite each other unseen.
            result = await connection.execute(
                update(kb_articles)
                .where(kb_articles.c.id == article.id, kb_articles.c.version == expected_version)
                .values(**values)
            )
            if result.rowcount != 1:
                found = await connection.scalar(
                    select(kb_articles.c.version).where(kb_articles.c.id == article.id)
                )
                raise StaleArticle(article.id, expected_version, found)
        return replace(article, version=version)

    async def _articles(self, drafts: bool) -> list[Article]:
        query = self._select().order_by(kb_articles.c.id)
        if not drafts:
            query = query.where(kb_articles.c.status == ArticleStatus.PUBLISHED.value)
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [article_from_row(row) for row in rows]

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
