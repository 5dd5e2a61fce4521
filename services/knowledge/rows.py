"""kb_articles rows to Article values and back, with the source tickets from kb_article_sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.schema import kb_article_sources, kb_articles, tickets
from services.knowledge.content import join_models, split_models
from services.knowledge.model import Article, ArticleContent, ArticleSource, ArticleStatus

LIVE = (ArticleStatus.DRAFT.value, ArticleStatus.PUBLISHED.value)  # not merged into another


def content_columns(content: ArticleContent) -> dict[str, Any]:
    """The kb_articles columns that hold what an article says."""
    return {
        "title": content.title,
        "problem": content.problem,
        "symptoms": content.symptoms,
        "cause": content.cause,
        "resolution": content.resolution,
        "machine_models": join_models(content.machine_models),
    }


def live_articles(profile: str) -> Select[Any]:
    """A profile's drafts and published articles (merged drafts left out)."""
    return select(kb_articles).where(
        kb_articles.c.profile == profile, kb_articles.c.status.in_(LIVE)
    )


def article_from_row(row: Mapping[str, Any], sources: Sequence[ArticleSource]) -> Article:
    """An Article from a kb_articles row and its source tickets, first first."""
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
        sources=tuple(sources),
        published_by=row["published_by"],
        published_at=row["published_at"],
        version=row["version"],
        remote_id=row["remote_id"],
        link=row["remote_url"],
    )


async def load(connection: AsyncConnection, query: Select[Any]) -> list[Article]:
    """The articles the query selects from kb_articles, each with its source tickets."""
    rows = (await connection.execute(query)).mappings().all()
    if not rows:
        return []
    link = kb_article_sources.c
    found = await connection.execute(
        select(link.article_id, tickets.c.id, tickets.c.number, tickets.c.issue_type)
        .join(tickets, tickets.c.id == link.ticket_id)
        .where(link.article_id.in_([row["id"] for row in rows]))
        .order_by(link.id)
    )
    sources: dict[int, list[ArticleSource]] = defaultdict(list)
    for article_id, ticket_id, number, issue_type in found.all():
        sources[article_id].append(ArticleSource(ticket_id, number, issue_type))
    return [article_from_row(row, sources[row["id"]]) for row in rows]
