"""Ranking articles against a query: BM25F over the article's fields, and why each matched.

BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009):
a term's frequency is summed over the fields, each weighted and normalised by that field's
length, before BM25's saturation; rare terms weigh more (idf). The score orders results; whether
a result is worth showing is `coverage`: how much of the query (weighted by idf), or of the
article's title, the two have in common, plus a little for the same machine model and issue type.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from services.knowledge.model import Article, SearchHit
from services.knowledge.query import Analyzer, Token, words

K1, B = 1.2, 0.75
# Where a term is found says how much it is about the article: its title most.
FIELD_WEIGHTS = {"title": 3.0, "problem": 2.0, "symptoms": 1.5, "cause": 1.0, "resolution": 1.0}
SAME_MODEL, SAME_ISSUE_TYPE = 0.15, 0.1  # added to coverage: the same machine, the same kind
SNIPPET_WORDS = 24
CLOSE_ENOUGH = 0.7  # how alike a title's words must be spelled to be offered as "closest"
MARK = "**"  # the excerpt's highlight: bold in an Adaptive Card TextBlock


def _same(value: str | None, choices: Sequence[str]) -> bool:
    wanted = " ".join((value or "").split()).casefold()
    return bool(wanted) and any(" ".join(c.split()).casefold() == wanted for c in choices)


class Ranking:
    """The articles of one search, analysed once, ranked for one query."""

    def __init__(self, analyzer: Analyzer, articles: Sequence[Article]) -> None:
        self._analyzer = analyzer
        self._articles = list(articles)
        self._fields = [
            {f: analyzer.tokens(getattr(a.content, f)) for f in FIELD_WEIGHTS} for a in articles
        ]
        self._counts = [
            {f: Counter(t.term for t in ts) for f, ts in d.items()} for d in self._fields
        ]
        n = max(len(self._articles), 1)
        self._avg = {f: max(sum(len(d[f]) for d in self._fields) / n, 1.0) for f in FIELD_WEIGHTS}
        df = Counter(term for d in self._counts for term in set().union(*d.values()))
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self._unseen = math.log(1 + (n + 0.5) / 0.5)

    def idf(self, term: str) -> float:
        """How rare the term is among these articles (rarer weighs more)."""
        return self._idf.get(term, self._unseen)

    def rank(
        self,
        query: Sequence[Token],
        *,
        machine_model: str | None = None,
        issue_type: str | None = None,
    ) -> list[SearchHit]:
        """Every article sharing a term with the query, best first."""
        wanted = list(dict.fromkeys(t.term for t in query))
        written = {t.term: self._analyzer.label(t) for t in reversed(query)}
        total = sum(self.idf(t) for t in wanted) or 1.0
        found: list[SearchHit] = []
        for article, tokens, counts in zip(self._articles, self._fields, self._counts, strict=True):
            shared = [t for t in wanted if any(t in c for c in counts.values())]
            if not shared:
                continue
            score = sum(self._term_score(t, tokens, counts) for t in shared)
            fields: list[str] = []
            bonus = 0.0
            if _same(machine_model, article.content.machine_models):
                fields.append("same machine model")
                bonus += SAME_MODEL
            if issue_type and any(s.issue_type == issue_type for s in article.sources):
                fields.append("same issue type")
                bonus += SAME_ISSUE_TYPE
            title = {t.term for t in tokens["title"]}
            of_query = sum(self.idf(t) for t in shared) / total
            of_title = len(title.intersection(shared)) / len(title) if title else 0.0
            coverage = min(1.0, max(of_query, of_title) + bonus)
            labels = tuple(written[t] for t in shared)
            snippet = self._snippet(article, set(shared))
            found.append(
                SearchHit(article, snippet, labels, tuple(fields), score * (1 + bonus), coverage)
            )
        found.sort(key=lambda r: (-r.score, r.article.id))
        return found

    def _term_score(self, term: str, tokens: dict, counts: dict) -> float:
        weighted = sum(
            FIELD_WEIGHTS[f] * counts[f][term] / (1 - B + B * len(tokens[f]) / self._avg[f])
            for f in FIELD_WEIGHTS
        )
        return self.idf(term) * weighted * (K1 + 1) / (K1 + weighted)

    def _snippet(self, article: Article, wanted: set[str]) -> str:
        """A short excerpt of the article's body around its first matched term, matches bold."""
        for field in ("problem", "symptoms", "cause", "resolution"):
            text = getattr(article.content, field)
            spaced = text.split()
            hits = [i for i, w in enumerate(spaced) if _terms_of(self._analyzer, w) & wanted]
            if hits:
                start = max(0, hits[0] - 4)
                shown = spaced[start : start + SNIPPET_WORDS]
                marked = [
                    f"{MARK}{w}{MARK}" if i + start in hits else w for i, w in enumerate(shown)
                ]
                lead = "…" if start else ""
                tail = "…" if start + SNIPPET_WORDS < len(spaced) else ""
                return f"{lead}{' '.join(marked)}{tail}"
        return ""


def _terms_of(analyzer: Analyzer, word: str) -> set[str]:
    return {t.term for t in analyzer.tokens(word)}


def closest_titles(text: str, articles: Sequence[Article], limit: int) -> list[Article]:
    """Articles whose title words are spelled most like the words typed ("sensr", "convayor")."""
    typed = [w for w in words(text) if len(w) > 2]
    scored = []
    for article in articles:
        title = words(article.content.title)
        if not typed or not title:
            continue
        likeness = sum(max(_alike(w, t) for t in title) for w in typed) / len(typed)
        if likeness >= CLOSE_ENOUGH:
            scored.append((-likeness, article.id, article))
    return [article for *_, article in sorted(scored)[:limit]]


def _alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()
