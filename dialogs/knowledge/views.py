"""Process 7 for the viewer: an article as the caller may see it."""

from __future__ import annotations

from bot.turn import Turn
from cards.knowledge import article_card, article_form_card
from services.knowledge import Article
from services.knowledge.capture import reopened_since_drafted
from services.knowledge.duplicates import twins
from services.profile import Capability
from services.tickets.rules import local_time


async def article_view(
    turn: Turn, article: Article, headline: str | None = None, warning: str | None = None
) -> dict:
    """The article as this caller may see it: publishers edit drafts and may edit the rest."""
    profile = turn.services.profile
    if not turn.can(Capability.PUBLISH_KB):
        return article_card(profile, article, headline=headline)
    if article.is_published:
        return article_card(profile, article, can_edit=True, headline=headline)
    same = await draft_twins(turn, article)
    return article_form_card(profile, article, headline=headline, warning=warning, twins=same)


async def draft_twins(turn: Turn, article: Article) -> list[Article]:
    """Other drafts of the same title from other tickets, to offer merging with."""
    if article.is_published:
        return []
    drafts = await turn.services.knowledge.drafts()
    return twins([article, *(d for d in drafts if d.id != article.id)]).get(article.id, [])


async def reopen_warning(turn: Turn, article: Article) -> str | None:
    """For a draft whose ticket was reopened after it was drafted: say so before publishing."""
    if article.is_published:
        return None
    warnings = []
    for source in article.sources:
        reopened = reopened_since_drafted(await turn.services.tickets.events(source.ticket_id))
        if reopened is not None:
            when = local_time(turn.services.profile, reopened.at)
            warnings.append(f"{source.number} was reopened {when}")
    if not warnings:
        return None
    return (
        f"{' and '.join(warnings)}, after this draft was made: the fix it describes may not "
        "have held. Check it before publishing."
    )


async def gone_article(turn: Turn, article_id: int) -> str:
    """Why an article id from a card or a command finds nothing: merged away, or never there."""
    into = await turn.services.knowledge.merged_into(article_id)
    if into is None:
        return f"There is no article KB-{article_id}."
    return (
        f"KB-{article_id} was merged into {into.number} ({into.content.title}): "
        f"open it with `kb {into.number}`."
    )
