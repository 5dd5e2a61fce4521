"""Full-text search statements, one per dialect, over published articles of one profile.

SQLite: the FTS5 table of migration 0006, ranked by bm25 with a snippet() excerpt.
PostgreSQL: the generated tsvector column, ranked by ts_rank with a ts_headline() excerpt.
Both match any of the terms and count how many of them each article has (`matched`), so a
caller can ask for every word (`kb conveyor jam`) or for most of a long description (intake).
Every word reaches the database as a bound parameter; none is written into the SQL.
"""

from __future__ import annotations

from functools import reduce
from operator import add
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    case,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import TSVECTOR

from services.db.schema import KB_FTS_TABLE, KB_SEARCH_VECTOR, kb_articles, tickets
from services.knowledge.query import fts5_any, fts5_phrase, websearch_any

MARK = "**"  # the excerpt's highlight: bold in an Adaptive Card TextBlock
_fts = table(KB_FTS_TABLE, column("rowid", Integer))
# FTS5's MATCH, bm25() and snippet() take the table's own name as their first operand.
_FTS = literal_column(KB_FTS_TABLE)
# Weights of the FTS5 columns: title, problem, symptoms, cause, resolution, machine models.
_BM25_WEIGHTS = (10.0, 4.0, 3.0, 2.0, 2.0, 6.0)
_VECTOR = literal_column(f"kb_articles.{KB_SEARCH_VECTOR}", type_=TSVECTOR)
_ENGLISH = literal_column("'english'::regconfig")
_HEADLINE = f"StartSel={MARK}, StopSel={MARK}, MaxWords=24, MinWords=10, MaxFragments=1"


def _article_columns() -> list[Any]:
    return [*kb_articles.c, tickets.c.number.label("source_number")]


def _published(profile: str) -> list[ColumnElement[bool]]:
    return [kb_articles.c.profile == profile, kb_articles.c.status == "published"]


def _count(conditions: list[ColumnElement[bool]]) -> ColumnElement[int]:
    """How many of the conditions hold, as one integer expression."""
    return reduce(add, [case((condition, 1), else_=0) for condition in conditions])


def _fts_match(query: str) -> ColumnElement[bool]:
    return _FTS.op("MATCH")(query)


def sqlite_search(profile: str, terms: tuple[str, ...], limit: int) -> Select[Any]:
    """Published articles with any of the terms: most terms first, then by bm25."""
    has_term = [
        kb_articles.c.id.in_(
            select(_fts.c.rowid).where(_fts_match(fts5_phrase(term))).correlate(None)
        )
        for term in terms
    ]
    rank = func.bm25(_FTS, *_BM25_WEIGHTS).label("rank")
    matched = _count(has_term).label("matched")
    snippet = func.snippet(_FTS, -1, MARK, MARK, "…", 16).label("snippet")
    return (
        select(*_article_columns(), snippet, matched, rank)
        .select_from(
            _fts.join(kb_articles, kb_articles.c.id == _fts.c.rowid).outerjoin(
                tickets, tickets.c.id == kb_articles.c.source_ticket_id
            )
        )
        .where(_fts_match(fts5_any(terms)), *_published(profile))
        .order_by(matched.desc(), rank)  # bm25: lower is better
        .limit(limit)
    )


def postgres_search(profile: str, terms: tuple[str, ...], limit: int) -> Select[Any]:
    """Published articles with any of the terms: most terms first, then by ts_rank."""
    query = func.websearch_to_tsquery(_ENGLISH, websearch_any(terms))
    has_term = [_VECTOR.op("@@")(func.plainto_tsquery(_ENGLISH, term)) for term in terms]
    text = func.concat_ws(
        " ",
        kb_articles.c.problem,
        kb_articles.c.symptoms,
        kb_articles.c.cause,
        kb_articles.c.resolution,
    )
    rank = func.ts_rank(_VECTOR, query).label("rank")
    matched = _count(has_term).label("matched")
    snippet = func.ts_headline(_ENGLISH, text, query, _HEADLINE).label("snippet")
    return (
        select(*_article_columns(), snippet, matched, rank)
        .select_from(kb_articles.outerjoin(tickets, tickets.c.id == kb_articles.c.source_ticket_id))
        .where(_VECTOR.op("@@")(query), *_published(profile))
        .order_by(matched.desc(), rank.desc(), kb_articles.c.id)
        .limit(limit)
    )


STATEMENTS = {"sqlite": sqlite_search, "postgresql": postgres_search}
