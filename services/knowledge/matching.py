"""When a solved problem is "similar" to a call being filed, and when it may hold the filing.

A hit is worth showing when it shares several meaningful terms and enough of the query or of
its title (services.knowledge.ranking.coverage); it is strong when it shares more. Only a strong
match is offered before filing, and never for an urgent or machine-down call: that one is filed
at once and the match is shown beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from services.knowledge.model import SearchHit
from services.profile import Profile
from services.tickets import TicketDraft

SIMILAR_TERMS = 2  # one word in common is chance
RELEVANT = 0.3  # coverage below this is an article about something else
STRONG_TERMS = 3
STRONG = 0.6


def is_strong(hit: SearchHit) -> bool:
    """A match good enough to ask the filer to check it with the customer first."""
    return hit.matched_terms >= STRONG_TERMS and hit.coverage >= STRONG


def is_urgent(profile: Profile, draft: TicketDraft, answers: Mapping[str, Any]) -> bool:
    """Whether the call is at the most urgent priority, chosen or suggested (machine down)."""
    top = min(profile.priorities, key=lambda p: p.rank).key
    return draft.priority == top or profile.suggested_priority(answers).key == top


def holds_filing(hits: Sequence[SearchHit], *, urgent: bool) -> bool:
    """Whether the form comes back with the matches before the ticket is filed."""
    return not urgent and any(is_strong(hit) for hit in hits)
