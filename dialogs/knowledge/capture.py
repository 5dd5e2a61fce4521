"""Drafting a KB article from a resolved ticket: the draft, its owner's card, the timeline.

Used by the closure form (a fix marked "Worth a KB article?", dialogs.closure.inputs), by
`kb draft <ticket>` and by the ticket card's KB article button (dialogs.knowledge.feature).
"""

from __future__ import annotations

import logging

from bot.turn import Turn, card_message
from cards.knowledge import article_form_card
from dialogs.shared.ticket_view import now
from dialogs.shared.tickets import apply
from services.knowledge import Article, draft_from_ticket, knowledge_step
from services.knowledge.capture import Step
from services.profile import Capability, Person, Profile
from services.tickets import SYSTEM_ACTOR, Ticket

log = logging.getLogger(__name__)
KNOWLEDGE_PROCESS = 7  # "Documentation & Knowledge Capture" in the support way


def kb_owners(profile: Profile) -> list[Person]:
    """Who gets new drafts: process 7's owner, else everyone who may publish articles."""
    try:
        owner = profile.process_owner(KNOWLEDGE_PROCESS)
    except KeyError:  # a profile without that process step
        owner = None
    if owner is not None and profile.has_capability(owner, Capability.PUBLISH_KB):
        return [owner]
    return list(profile.people_with_capability(Capability.PUBLISH_KB))


async def record_step(
    turn: Turn, ticket_id: int, actor_id: str, step: Step, article: Article
) -> Ticket | None:
    """Put an article's step on its ticket's timeline; None if the ticket would not take it."""
    at = now(turn)
    # Read afresh and tried twice: the ticket may have moved on since the article was read.
    for _ in range(2):
        ticket = await turn.services.tickets.get_by_id(ticket_id)
        if ticket is None:
            return None
        saved, _ = await apply(
            turn, ticket, lambda t: knowledge_step(t, actor_id, at, step, article)
        )
        if saved is not None:
            return saved
    log.warning("could not note %s %s on ticket %s", article.number, step, ticket_id)
    return None


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
        await record_step(turn, ticket.id, actor_id, "drafted", article)
    return article, created


async def send_to_owners(turn: Turn, article: Article) -> list[Person]:
    """The draft, on an editable card, in the personal chat of each knowledge-base owner."""
    profile = turn.services.profile
    owners = kb_owners(profile)
    headline = f"New draft from {article.source_number}: check it, edit it, then publish it."
    card = article_form_card(profile, article, headline=headline)
    activity = card_message(card, f"KB draft {article.number}: {article.content.title}")
    for owner in owners:
        # Keyed by article: a retried resolve or a second flag never sends the draft twice.
        key = f"kb-draft:{article.id}:{owner.id}"
        await turn.notifier.send("person", owner.id, activity, dedupe_key=key)
    return owners


async def draft_for_owners(turn: Turn, ticket: Ticket) -> str:
    """A fix worth an article: draft it for the owners; returns a sentence saying so."""
    article, created = await capture(turn, ticket, SYSTEM_ACTOR)
    if not created:
        return f"{ticket.number} already has {article.number}."
    owners = await send_to_owners(turn, article)
    names = " and ".join(owner.name for owner in owners) or "nobody (no one may publish)"
    return f"{article.number} drafted for {names} to edit and publish."
