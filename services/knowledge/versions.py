"""The knowledge base's versioned writes: compare-and-swap on an article's version, and merges.

Each runs inside the caller's write transaction (EmbeddedKnowledgeBase._writing), so a publish
can queue its outbound copy in the same transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.db.schema import kb_article_sources, kb_articles
from services.knowledge.model import Article, ArticleStatus, StaleArticle
from services.knowledge.rows import content_columns


async def _stale(connection: AsyncConnection, article_id: int, expected: int) -> StaleArticle:
    """The error for a write that found the article at another version than `expected`."""
    found = await connection.scalar(
        select(kb_articles.c.version).where(kb_articles.c.id == article_id)
    )
    return StaleArticle(article_id, expected, found)


async def save_version(
    connection: AsyncConnection, article: Article, expected_version: int
) -> str | None:
    """Write `article` over `expected_version`, as version + 1; the status it had before.

    StaleArticle if it changed meanwhile.
    """
    values = {
        **content_columns(article.content),
        "status": article.status.value,
        "updated_by": article.updated_by,
        "updated_at": article.updated_at,
        "published_by": article.published_by,
        "published_at": article.published_at,
        "version": expected_version + 1,
    }
    current = (kb_articles.c.id == article.id, kb_articles.c.version == expected_version)
    was = await connection.scalar(select(kb_articles.c.status).where(*current))
    # Compare-and-swap on the version: two editors cannot overwrite each other unseen.
    result = await connection.execute(update(kb_articles).where(*current).values(**values))
    if result.rowcount != 1:
        raise await _stale(connection, article.id, expected_version)
    return was


async def merge_drafts(
    connection: AsyncConnection, kept: Article, kept_version: int, gone: Article
) -> None:
    """Write `kept` with `gone`'s sources added and retire `gone` into it (both still drafts at
    the versions given; else StaleArticle)."""
    by = {"updated_by": kept.updated_by, "updated_at": kept.updated_at}
    await _swap_draft(connection, kept.id, kept_version, content_columns(kept.content) | by)
    retired = {"status": "merged", "merged_into_id": kept.id} | by
    await _swap_draft(connection, gone.id, gone.version, retired)
    link = kb_article_sources.c
    await connection.execute(
        update(kb_article_sources).where(link.article_id == gone.id).values(article_id=kept.id)
    )
    # Old cards of drafts merged into `gone` earlier now lead to `kept`.
    await connection.execute(
        update(kb_articles)
        .where(kb_articles.c.merged_into_id == gone.id)
        .values(merged_into_id=kept.id)
    )


async def _swap_draft(
    connection: AsyncConnection, article_id: int, expected: int, values: dict[str, Any]
) -> None:
    """Write a draft's new values if it is still a draft at `expected`; else StaleArticle."""
    draft = kb_articles.c.status == ArticleStatus.DRAFT.value
    result = await connection.execute(
        update(kb_articles)
        .where(kb_articles.c.id == article_id, kb_articles.c.version == expected, draft)
        .values(**values, version=expected + 1)
    )
    if result.rowcount != 1:
        raise await _stale(connection, article_id, expected)
