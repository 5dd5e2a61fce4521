"""Process 7, documentation & knowledge capture: resolved tickets become KB articles.

States of an article:
    (none) --a ticket resolved with "Worth a KB article?" (dialogs.closure.inputs)--> DRAFT, built
           from the ticket and its timeline and sent on an editable card to process 7's owner
    (none) --`kb draft <ticket>` or the ticket card's "KB article" (publish_kb), on a resolved
           or closed ticket--> DRAFT, shown to the asker (a ticket's existing article instead)
    DRAFT --Save draft--> DRAFT (checked; a refused form comes back with its errors, values kept)
    DRAFT --Publish (publish_kb; problem, cause and resolution needed)--> PUBLISHED
    PUBLISHED --Edit, Save changes--> PUBLISHED
Drafting and publishing land on the source ticket's timeline. Article cards are
dialogs.knowledge.articles. Finding them: `kb <words>` (published articles with every word,
else the closest), `kb KB-<n>`, and intake's "Similar solved problems" before a ticket is
filed (dialogs.intake.feature). Drafts are seen only by those who may publish; `kb drafts`
lists them.
"""

from __future__ import annotations

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.knowledge import (
    MAX_RESULTS,
    article_card,
    article_form_card,
    drafts_card,
    search_results_card,
)
from cards.ticket import KB_ARTICLE
from dialogs.knowledge.capture import capture
from dialogs.shared.tickets import TicketRef, find_ticket, refused
from services.knowledge import Article, SearchHit, article_id, names_an_article, why_not_draftable
from services.profile import Capability
from services.tickets import Ticket, TicketDraft

knowledge = Feature("knowledge")
SUGGESTIONS = 3  # on the intake form: a short list people read, not a search page
SIMILAR_WORDS = 2  # shared words that make a solved problem "similar" (one is chance)


def article_view(turn: Turn, article: Article, headline: str | None = None) -> dict:
    """The article as this caller may see it: publishers edit drafts and may edit the rest."""
    profile = turn.services.profile
    if not turn.can(Capability.PUBLISH_KB):
        return article_card(profile, article, headline=headline)
    if article.is_published:
        return article_card(profile, article, can_edit=True, headline=headline)
    return article_form_card(profile, article, headline=headline)


async def visible_article(turn: Turn, number: int) -> tuple[Article | None, str | None]:
    """The article with this id if the caller may see it, else why not."""
    article = await turn.services.knowledge.get(number)
    if article is None:
        return None, f"There is no article KB-{number}."
    if not article.is_published and not turn.can(Capability.PUBLISH_KB):
        publishers = turn.services.profile.people_with_capability(Capability.PUBLISH_KB)
        names = ", ".join(p.name for p in publishers) or "whoever may publish"
        return None, f"{article.number} is still a draft; {names} will publish it when it is ready."
    return article, None


async def similar_solved(turn: Turn, draft: TicketDraft) -> list[SearchHit]:
    """Published articles like a ticket about to be filed, the same machine model first."""
    return await turn.services.knowledge.search(
        draft.description or draft.subject,
        limit=SUGGESTIONS,
        min_terms=SIMILAR_WORDS,
        machine_model=draft.machine_model,
    )


async def _draft_view(turn: Turn, ticket: Ticket) -> tuple[dict | None, str | None]:
    """The article drafted from the ticket for the caller to edit, or why there is none."""
    assert turn.caller is not None
    problem = why_not_draftable(ticket)
    if problem:
        return None, problem
    article, created = await capture(turn, ticket, turn.caller.id)
    if created:
        headline = f"Drafted from {ticket.number}: check it, edit it, then publish it."
    else:
        headline = f"{ticket.number} already has this article."
    return article_view(turn, article, headline), None


@knowledge.command("kb", usage="<words>", help="Search the knowledge base (or open KB-<n>)")
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
        await turn.send_card(article_view(turn, article), summary=article.content.title)
        return
    kb = turn.services.knowledge
    hits, partial = await kb.search(words, limit=MAX_RESULTS), False
    if not hits:
        hits = await kb.search(words, limit=MAX_RESULTS, min_terms=1)
        partial = bool(hits)
    await turn.send_card(search_results_card(words, hits, partial=partial), summary=f"KB: {words}")


@knowledge.command(
    "kb draft",
    usage="<ticket>",
    help="Draft a KB article from a resolved ticket",
    capability=Capability.PUBLISH_KB,
)
async def draft_command(turn: Turn, args: str) -> None:
    """Draft (or show) the article of a resolved or closed ticket."""
    ticket, problem = await find_ticket(turn, args)
    card = None
    if ticket is not None:
        card, problem = await _draft_view(turn, ticket)
    if card is None:
        await turn.say(problem or "")
        return
    await turn.send_card(card, summary=f"KB article from {args.strip()}")


@knowledge.command(
    "kb drafts", help="KB articles waiting to be published", capability=Capability.PUBLISH_KB
)
async def drafts_command(turn: Turn, args: str) -> None:
    """List the drafts, oldest first."""
    drafts = await turn.services.knowledge.drafts()
    await turn.send_card(drafts_card(turn.services.profile, drafts), summary="KB drafts")


@knowledge.action(KB_ARTICLE, model=TicketRef, capability=Capability.PUBLISH_KB)
async def from_ticket_card(turn: Turn, data: TicketRef) -> ActionResult:
    """The ticket card's "KB article": the article replaces the ticket card."""
    ticket, problem = await find_ticket(turn, data.number)
    card = None
    if ticket is not None:
        card, problem = await _draft_view(turn, ticket)
    if card is None:
        return refused(problem or "")
    return ActionResult(card=card)


# The flows register their commands and verbs on this feature when imported.
import dialogs.knowledge.articles  # noqa: E402
import dialogs.knowledge.capture  # noqa: E402, F401
