"""Process 7 for the viewer: an article as the caller may see it."""

from __future__ import annotations

from bot.turn import Turn
from cards.knowledge import article_card, article_form_card
from services.knowledge import Article
from services.profile import Capability


def article_view(turn: Turn, article: Article, headline: str | None = None) -> dict:
    """The article as this caller may see it: publishers edit drafts and may edit the rest."""
    profile = turn.services.profile
    if not turn.can(Capability.PUBLISH_KB):
        return article_card(profile, article, headline=headline)
    if article.is_published:
        return article_card(profile, article, can_edit=True, headline=headline)
    return article_form_card(profile, article, headline=headline)
