"""The knowledge base's settings: synonyms search treats as one term, and documentation first."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated

from pydantic import Field, field_validator

from services.profile.base import Frozen, Slug

_WORDS = re.compile(r"[^\W_]+")
MAX_TERM = 40
Term = Annotated[str, Field(min_length=1, max_length=MAX_TERM)]


def term_key(term: str) -> str:
    """'Photo-Eye' and 'photo eye' → 'photo eye': the words of a term, as search splits them."""
    return " ".join(_WORDS.findall(term.casefold()))


class KnowledgeSettings(Frozen):
    """`[knowledge]`: `documentation_first`, and `[knowledge.synonyms]`, a group per thing,
    e.g. photo_eye = ["photo eye", "sensor"]."""

    # "Can documentation solve it?": an open ticket's cards show whoever coordinates it the
    # knowledge base's best matches, to answer with an article before pulling a team in.
    documentation_first: bool = False
    synonyms: Mapping[Slug, tuple[Term, ...]] = Field(default_factory=dict)

    @field_validator("synonyms")
    @classmethod
    def _groups(cls, groups: Mapping[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
        # A term in two groups would make two things one; a group of one term says nothing.
        owner: dict[str, str] = {}
        for key, terms in groups.items():
            if len(terms) < 2:
                raise ValueError(f"synonyms '{key}' needs at least two terms")
            for term in terms:
                folded = term_key(term)
                if not folded:
                    raise ValueError(f"synonyms '{key}': '{term}' has no letters or digits")
                if owner.setdefault(folded, key) != key:
                    raise ValueError(f"'{term}' is a synonym in both '{owner[folded]}' and '{key}'")
        return groups
