"""Process 7 for the viewer: an article as the caller may see it."""

from __future__ import annotations

from bot.turn import Turn
from cards.knowledge import article_card, article_form_card
from services.knowledge import Article
from services.knowledge.capture import reopened_since_drafted
from services.profile import Capability
from services.tickets.rules import local_time


def article_view(
    turn: Turn, article: Article, headline: str | None = None, warning: str | None = None
) -> dict:
    """The article as this caller may see it: publishers edit drafts and may edit the rest."""
    profile = turn.services.profile
    if not turn.can(Capability.PUBLISH_KB):
        return article_card(profile, article, headline=headline)
    if article.is_published:
        return article_card(profile, article, can_edit=True, headline=headline)
    return article_form_card(profile, article, headline=headline, warning=warning)


async def reopen_warning(turn: Turn, article: Article) -> str | None:
    """For a draft whose ticket was reopened after it was made: say so before publishing."""
    if article.is_published or article.source_ticket_id is None:
        return None
    events = await turn.services.tickets.events(article.source_ticket_id)
    reopened = reopened_since_drafted(events, article)
    if reopened is None:
        return None
    when = local_time(turn.services.profile, reopened.at)
    return (
        f"{article.source_number} was reopened {when}, after this draft was made: the fix "
        "it describes may not have held. Check it before publishing."
    )
