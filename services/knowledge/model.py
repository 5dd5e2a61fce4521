"""Knowledge-base articles: what they say, where they came from, and what a search returns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from services.numbers import parse_id

_NUMBER = re.compile(r"^\s*#?\s*KB\s*-?\s*(\d+)\s*$", re.IGNORECASE)


class ArticleStatus(StrEnum):
    """A draft is seen only by those who may publish; a published article is found by search."""

    DRAFT = "draft"
    PUBLISHED = "published"


@dataclass(frozen=True)
class ArticleContent:
    """What an article says, in the order a reader needs it."""

    title: str
    problem: str = ""
    symptoms: str = ""
    cause: str = ""
    resolution: str = ""
    machine_models: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleSource:
    """A ticket an article was drafted from."""

    ticket_id: int
    number: str
    issue_type: str | None = None


@dataclass(frozen=True)
class Article:
    """An article as stored; `sources` are the tickets it was drafted from (merged: several)."""

    id: int
    profile: str
    status: ArticleStatus
    content: ArticleContent
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime
    sources: tuple[ArticleSource, ...] = ()
    published_by: str | None = None
    published_at: datetime | None = None
    version: int = 1
    # Its copy in an outside knowledge base (Zendesk Guide), once there: id and page.
    remote_id: str | None = None
    link: str | None = None

    @property
    def number(self) -> str:
        """The article's printed number, "KB-3"."""
        return article_number(self.id)

    @property
    def source_number(self) -> str | None:
        """The ticket it was first drafted from, if any."""
        return self.sources[0].number if self.sources else None

    @property
    def source_numbers(self) -> tuple[str, ...]:
        """Every ticket it was drafted from, first first."""
        return tuple(source.number for source in self.sources)

    @property
    def is_published(self) -> bool:
        """True once search finds it."""
        return self.status is ArticleStatus.PUBLISHED


@dataclass(frozen=True)
class SearchHit:
    """An article a search found, and why: the terms in common and what else agreed."""

    article: Article
    snippet: str
    terms: tuple[str, ...] = ()  # as the query wrote them; a synonym group by its first name
    fields: tuple[str, ...] = ()  # "same machine model", "same issue type"
    score: float = 0.0  # BM25F: orders the hits of one search
    coverage: float = 0.0  # 0..1: how much of the query (or of the title) the article shares

    @property
    def matched_terms(self) -> int:
        """How many of the query's terms the article has."""
        return len(self.terms)


class KnowledgeRuleError(Exception):
    """An article change the process does not allow; the message is for the person."""


class StaleArticle(Exception):
    """The article changed since it was read; nothing was written."""

    def __init__(self, article_id: int, expected: int, found: int | None) -> None:
        super().__init__(f"{article_number(article_id)} is at version {found}, not {expected}")
        self.article_id, self.expected, self.found = article_id, expected, found


def article_number(article_id: int) -> str:
    """The printed form of an article id."""
    return f"KB-{article_id}"


def names_an_article(text: str) -> bool:
    """Whether the text is written like an article number, in range or not."""
    return _NUMBER.match(text or "") is not None


def article_id(text: str) -> int | None:
    """'KB-3', 'kb 3' or '#KB3' → 3; None when the text is not an article number."""
    match = _NUMBER.match(text or "")
    return parse_id(match.group(1)) if match else None
