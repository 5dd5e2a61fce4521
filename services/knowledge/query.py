"""What a search compares: the meaningful terms of a text, stemmed, with the profile's synonyms.

Articles and queries go through the same Analyzer, so "jams", "jammed" and "jam" are one term
(English Snowball stemming, as PostgreSQL's 'english' configuration stems), and "photo-eye",
"photo eye" and "sensor" are one term when the profile lists them as synonyms. Stop words and
words that are incidental in a support call ("minutes", "customer", bare numbers) never count
as something two texts have in common.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import snowballstemmer

MAX_TERMS = 24  # a whole intake description is a query too; its first words say the most
SYNONYM = "~"  # a synonym group's term: "~photo_eye", never a word anyone types

_WORD = re.compile(r"[^\W_]+")
# PostgreSQL's english.stop (the Snowball list).
_ENGLISH_STOP = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
"""
# Words every support call has: two texts sharing them are no more alike for it.
_INCIDENTAL = """
    minute minutes hour hours day days week weeks month months today yesterday morning afternoon
    evening night time times every customer customers machine machines problem problems issue
    issues call called calls said says still also get gets got please thank thanks hello hi dear
    regards best sincerely work works working need needs since ago around about approx
"""
STOPWORDS = frozenset(_ENGLISH_STOP.split())
_STEMMER = snowballstemmer.stemmer("english")
INCIDENTAL = frozenset(_STEMMER.stemWords(_INCIDENTAL.split()))


def words(text: str) -> list[str]:
    """The words of a text, lower-cased: letters and digits only, so no syntax survives."""
    return _WORD.findall((text or "").casefold())


@dataclass(frozen=True)
class Token:
    """One meaningful term of a text and the words it was written as."""

    term: str
    written: str


class Analyzer:
    """Turns text into terms: stemmed, synonyms folded into their group, noise dropped."""

    def __init__(self, synonyms: Mapping[str, Sequence[str]] | None = None) -> None:
        self._phrases: dict[tuple[str, ...], str] = {}
        self.labels: dict[str, str] = {}
        for key, terms in (synonyms or {}).items():
            self.labels[SYNONYM + key] = terms[0]
            for term in terms:
                stems = tuple(_STEMMER.stemWords(words(term)))
                if stems:
                    self._phrases[stems] = SYNONYM + key
        self._longest = max((len(p) for p in self._phrases), default=1)

    def tokens(self, text: str) -> list[Token]:
        """Every meaningful term of `text` in order, repeats kept (term frequency counts)."""
        typed = words(text)
        stems = _STEMMER.stemWords(typed)
        found: list[Token] = []
        i = 0
        while i < len(typed):
            for size in range(min(self._longest, len(typed) - i), 0, -1):
                group = self._phrases.get(tuple(stems[i : i + size]))
                if group is not None:  # the longest synonym wins: "prox sensor" over "sensor"
                    found.append(Token(group, " ".join(typed[i : i + size])))
                    i += size
                    break
            else:
                word, stem = typed[i], stems[i]
                if self._meaningful(word, stem):
                    found.append(Token(stem, word))
                i += 1
        return found

    @staticmethod
    def _meaningful(word: str, stem: str) -> bool:
        # Bare numbers are quantities and durations ("20 minutes"); alarm codes keep a letter.
        if len(word) < 2 or word.isdigit() or word in STOPWORDS:
            return False
        return stem not in INCIDENTAL and word not in INCIDENTAL

    def terms(self, text: str, limit: int = MAX_TERMS) -> tuple[str, ...]:
        """The distinct terms of `text` in the order they were written, at most `limit`."""
        return tuple(dict.fromkeys(t.term for t in self.tokens(text)))[:limit]

    def label(self, token: Token) -> str:
        """How a matched term is shown: as written, with its synonym group's name if another."""
        group = self.labels.get(token.term)
        if group is None or words(group) == token.written.split():
            return token.written
        return f"{group} ({token.written})"
