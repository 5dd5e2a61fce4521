"""Process 7's drafting: a resolved ticket becomes a draft article, on its timeline too; `kb
drafts` lists the drafts waiting to be published.

Asked for by `kb draft <ticket>` or the ticket card's KB article (publish_kb), or by the closure
form when a fix is marked "Worth a KB article?" (draft_for_owners, used by dialogs.closure).
"""

from __future__ import annotations

from bot.turn import ActionResult, Turn
from cards.knowledge import drafts_card
from cards.ticket import KB_ARTICLE
from dialogs.knowledge.feature import feature, record_step
from dialogs.knowledge.notices import tell_owners
from dialogs.knowledge.views import article_view
from dialogs.shared.tickets import TicketRef, find_ticket, now, refused
from services.delivery import Told
from services.knowledge import Article, draft_from_ticket, why_not_draftable
from services.knowledge.duplicates import twins
from services.profile import Capability
from services.tickets import SYSTEM_ACTOR, Ticket


async def capture(turn: Turn, ticket: Ticket, actor_id: str) -> tuple[Article, bool]:
    """The ticket's article: drafted now from the ticket and its timeline, or the one it has."""
    kb = turn.services.knowledge
    existing = await kb.for_ticket(ticket.id)
    if existing is not None:
        return existing, False
    content = draft_from_ticket(ticket, await turn.services.tickets.events(ticket.id))
    article, created = await kb.create_draft(
        content, author_id=actor_id, now=now(turn), source_ticket_id=ticket.id
    )
    if created:
        await record_step(turn, ticket.number, actor_id, "drafted", article)
    return article, created


async def draft_for_owners(turn: Turn, ticket: Ticket) -> Told:
    """A fix worth an article: draft it for the owners; returns a sentence saying so."""
    article, created = await capture(turn, ticket, SYSTEM_ACTOR)
    if not created:
        return Told(f"{ticket.number} already has {article.number}.")
    return await tell_owners(turn, article)


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
    return await article_view(turn, article, headline), None


@feature.command(
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


@feature.action(KB_ARTICLE, model=TicketRef, capability=Capability.PUBLISH_KB)
async def from_ticket_card(turn: Turn, data: TicketRef) -> ActionResult:
    """The ticket card's "KB article": the article replaces the ticket card."""
    ticket, problem = await find_ticket(turn, data.number)
    card = None
    if ticket is not None:
        card, problem = await _draft_view(turn, ticket)
    if card is None:
        return refused(problem or "")
    return ActionResult(card=card)


@feature.command(
    "kb drafts", help="KB articles waiting to be published", capability=Capability.PUBLISH_KB
)
async def drafts_command(turn: Turn, args: str) -> None:
    """List the drafts, oldest first, offering to merge those of one problem."""
    drafts = await turn.services.knowledge.drafts()
    card = drafts_card(turn.services.profile, drafts, twins(drafts))
    await turn.send_card(card, summary="KB drafts")
