"""What a search looks for: the words of what someone typed, safe for either search engine.

Only the words are kept (letters and digits), so FTS5 and tsquery syntax in the input (quotes,
asterisks, parentheses, AND/OR/NEAR, column filters) is just text and never an error. Common
words are dropped: PostgreSQL's English configuration ignores them, and SQLite must ignore the
same ones or the two would not agree on what "every word" means.
"""

from __future__ import annotations

import re

MAX_TERMS = 24  # a whole intake description is a query too; its first words say the most

_WORD = re.compile(r"[^\W_]+")
# PostgreSQL's english.stop (the Snowball list), which its 'english' configuration drops.
_ENGLISH_STOP = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
"""
STOPWORDS = frozenset(_ENGLISH_STOP.split())


def search_terms(text: str, limit: int = MAX_TERMS) -> tuple[str, ...]:
    """The distinct words worth searching for, lower-cased, in the order they were typed."""
    seen: dict[str, None] = {}
    for word in _WORD.findall((text or "").casefold()):
        if len(word) > 1 and word not in STOPWORDS:
            seen.setdefault(word, None)
    return tuple(seen)[:limit]


def fts5_phrase(term: str) -> str:
    """One term as an FTS5 string: double-quoted, inner quotes doubled, never an operator."""
    return '"' + term.replace('"', '""') + '"'


def fts5_any(terms: tuple[str, ...]) -> str:
    """An FTS5 query matching rows with any of the terms."""
    return " OR ".join(fts5_phrase(term) for term in terms)


def websearch_any(terms: tuple[str, ...]) -> str:
    """A websearch_to_tsquery text matching documents with any of the terms."""
    return " or ".join(terms)
