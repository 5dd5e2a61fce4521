"""Process 7's search: `kb <words>`, `kb KB-<n>`, and the similar solved problems intake shows.

States and verbs: dialogs.knowledge. The article cards are dialogs.knowledge.articles, drafting
from tickets dialogs.knowledge.capture; both register on this feature.
"""

from __future__ import annotations

import logging

from bot.router import Feature
from bot.turn import Turn
from cards.knowledge import MAX_RESULTS, search_results_card
from dialogs.knowledge.views import article_view, gone_article
from dialogs.shared.tickets import now
from services.knowledge import Article, SearchHit, article_id, knowledge_step, names_an_article
from services.knowledge.capture import Step
from services.knowledge.matching import RELEVANT, SIMILAR_TERMS
from services.profile import Capability
from services.tickets import StaleTicket, Ticket, TicketDraft

feature = Feature("knowledge")
log = logging.getLogger(__name__)
SUGGESTIONS = 3  # on the intake form: a short list people read, not a search page


async def visible_article(turn: Turn, number: int) -> tuple[Article | None, str | None]:
    """The article with this id if the caller may see it, else why not."""
    article = await turn.services.knowledge.get(number)
    if article is None:
        return None, await gone_article(turn, number)
    if not article.is_published and not turn.can(Capability.PUBLISH_KB):
        publishers = turn.services.profile.people_with_capability(Capability.PUBLISH_KB)
        names = ", ".join(p.name for p in publishers) or "whoever may publish"
        return None, f"{article.number} is still a draft; {names} will publish it when it is ready."
    return article, None


async def similar_solved(turn: Turn, draft: TicketDraft) -> list[SearchHit]:
    """Published articles like a ticket about to be filed, best first (see knowledge.matching)."""
    return await turn.services.knowledge.search(
        f"{draft.subject}\n{draft.description}",
        limit=SUGGESTIONS,
        min_terms=SIMILAR_TERMS,
        min_coverage=RELEVANT,
        machine_model=draft.machine_model,
        issue_type=draft.issue_type,
    )


async def record_step(
    turn: Turn,
    number: str,
    actor_id: str,
    step: Step,
    article: Article,
    merged: Article | None = None,
) -> Ticket | None:
    """Put an article's step on its ticket's timeline; None if the ticket would not take it."""
    at = now(turn)
    try:
        return await turn.services.tickets.change(
            number, lambda ticket: knowledge_step(ticket, actor_id, at, step, article, merged)
        )
    except StaleTicket:  # busy beyond the retries: the article stands without the entry
        log.warning("could not note %s %s on ticket %s", article.number, step, number)
        return None


@feature.command("kb", usage="<words>", help="Search the knowledge base (or open KB-<n>)")
async def search_command(turn: Turn, args: str) -> None:
    """Published articles with the words typed (or the article named)."""
    words = args.strip()
    if not words:
        await turn.say("What should I look for? For example: `kb conveyor jam`.")
        return
    number = article_id(words)
    if number is None and names_an_article(words):
        await turn.say(f"There is no article {words[:24]}.")
        return
    if number is not None:
        article, problem = await visible_article(turn, number)
        if article is None:
            await turn.say(problem or "")
            return
        await turn.send_card(await article_view(turn, article), summary=article.content.title)
        return
    kb, drafts = turn.services.knowledge, turn.can(Capability.PUBLISH_KB)
    hits, partial = await kb.search(words, limit=MAX_RESULTS, drafts=drafts), False
    if not hits:
        hits = await kb.search(words, limit=MAX_RESULTS, min_terms=1, drafts=drafts)
        partial = bool(hits)
    closest = [] if hits else await kb.closest(words, drafts=drafts)
    card = search_results_card(words, hits, partial=partial, closest=closest, can_draft=drafts)
    await turn.send_card(card, summary=f"KB: {words}")


# The flows register their commands and verbs on this feature when imported.
import dialogs.knowledge.answers  # noqa: E402
import dialogs.knowledge.articles  # noqa: E402
import dialogs.knowledge.capture  # noqa: E402
import dialogs.knowledge.merging  # noqa: E402, F401
