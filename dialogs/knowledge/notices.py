"""Process 7's notices: a new draft goes to the knowledge base's owners on an editable card."""

from __future__ import annotations

from bot.turn import Turn
from cards.knowledge import article_form_card
from dialogs.knowledge.views import draft_twins
from services.delivery import Recipient, Told, reach_note
from services.knowledge import Article
from services.profile import Capability, Person, ProcessRole, Profile


def kb_owners(profile: Profile) -> list[Person]:
    """Who gets new drafts: the knowledge step's owner, else everyone who may publish articles."""
    # The profile checks at load that the step's owner may publish articles.
    owner = profile.owner_of(ProcessRole.KNOWLEDGE)
    if owner is not None:
        return [owner]
    return list(profile.people_with_capability(Capability.PUBLISH_KB))


async def tell_owners(turn: Turn, article: Article) -> Told:
    """The draft in the personal chat of each owner; returns what the sender is told."""
    profile = turn.services.profile
    owners = kb_owners(profile)
    headline = f"New draft from {article.source_number}: check it, edit it, then publish it."
    same = await draft_twins(turn, article)
    card = article_form_card(profile, article, headline=headline, twins=same)
    summary = f"KB draft {article.number}: {article.content.title}"
    notes = []
    for owner in owners:
        # Keyed by article: a retried resolve or a second flag never sends the draft twice.
        key = f"kb-draft:{article.id}:{owner.id}"
        delivery = await turn.tell(Recipient.person(owner.id), card, key, summary=summary)
        notes.append(reach_note(owner.name, delivery))
    names = " and ".join(owner.name for owner in owners) or "nobody (no one may publish)"
    told = f"{article.number} drafted for {names} to edit and publish."
    return Told(told, tuple(note for note in notes if note))
