"""Drafts of one problem from different tickets: found by their titles, merged into one.

Two people resolving the same fault on two tickets both mark it worth an article; the owner
should publish one article from both, not two that drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import fields
from difflib import SequenceMatcher

from services.knowledge.content import fitted
from services.knowledge.model import Article, ArticleContent

CLOSE = 0.9  # "Conveyor jams at roll change" and "Conveyor jam at roll-change" are one problem
_NOT_A_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d+")


def plain(text: str) -> str:
    """The text as compared: case, punctuation and spacing ignored."""
    return " ".join(_NOT_A_WORD.sub(" ", text.casefold()).split())


def same_title(first: str, second: str) -> bool:
    """Whether two titles name the same problem: equal but for case and spacing, or very close."""
    a, b = plain(first), plain(second)
    if not (a and b) or _NUMBER.findall(a) != _NUMBER.findall(b):
        return False  # alarm 204 and alarm 205, BP-500 and BP-700, are other problems
    return a == b or SequenceMatcher(None, a, b).ratio() >= CLOSE


def twins(drafts: Sequence[Article]) -> dict[int, list[Article]]:
    """For each draft, the other drafts with its title drafted from other tickets."""
    found: dict[int, list[Article]] = {}
    for draft in drafts:
        mine = set(draft.source_numbers)
        others = [
            other
            for other in drafts
            if other.id != draft.id
            and mine
            and other.sources
            and mine.isdisjoint(other.source_numbers)
            and same_title(draft.content.title, other.content.title)
        ]
        if others:
            found[draft.id] = others
    return found


def _joined(first: str, second: str) -> str:
    """Both texts, once: the second is left out when the first already says it."""
    if not plain(second) or plain(second) in plain(first):
        return first
    if not plain(first) or plain(first) in plain(second):
        return second
    return f"{first.rstrip()}\n\n{second.strip()}"


def merged_content(first: ArticleContent, second: ArticleContent) -> ArticleContent:
    """One article from two drafts: the first's title, the text of both, every machine model."""
    texts = {
        f.name: _joined(getattr(first, f.name), getattr(second, f.name))
        for f in fields(ArticleContent)
        if f.name not in ("title", "machine_models")
    }
    models = tuple(dict.fromkeys((*first.machine_models, *second.machine_models)))
    return fitted(ArticleContent(title=first.title, machine_models=models, **texts))
