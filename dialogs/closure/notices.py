"""Who hears of process 8's steps: the reopen notice, the reminder to chase a silent customer,
and the knowledge-base owner's draft of a fix worth an article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.turn import Turn, card_message
from cards.closure import reminder_card
from cards.reopen import reopened_card
from dialogs.knowledge.capture import draft_for_owners
from dialogs.shared.links import record_link
from services.delivery import Recipient, Told, reach_note
from services.profile import Capability, Person, Profile
from services.tickets import Ticket, TicketEvent

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices


def reopen_audience(profile: Profile, ticket: Ticket) -> list[Person]:
    """Who hears of a reopen: the assignee, then everyone who may resolve any ticket."""
    people = [*_assignee(profile, ticket), *profile.people_with_capability(Capability.RESOLVE_ANY)]
    return list({person.id: person for person in people}.values())


async def tell_about_reopen(turn: Turn, ticket: Ticket, reopened: TicketEvent) -> Told:
    """Queue the reopen notice for its audience; the sentence for the reopener's card."""
    profile = turn.services.profile
    card = reopened_card(profile, ticket, reopened, record_link(turn.services, ticket))
    summary = f"{ticket.number} reopened ({ticket.reopen_count}×)"
    people = reopen_audience(profile, ticket)
    telling: list[str] = []
    notes: list[str] = []
    for person in people:
        # Keyed by the reopen count: a repeated delivery never notifies twice for one reopen.
        key = f"reopen:{ticket.number}:{ticket.reopen_count}:{person.id}"
        delivery = await turn.tell(Recipient.person(person.id), card, key, summary=summary)
        note = reach_note(person.name, delivery)
        # Each person once: told now, or what happens next for someone it waits for.
        if note:
            notes.append(note)
        else:
            telling.append(person.name)
    if telling:
        return Told(f"Telling {', '.join(telling)}.", tuple(notes))
    return Told("" if notes else "Nobody to tell.", tuple(notes))


async def remind_to_chase(
    services: AppServices, notifier: Notifier, ticket: Ticket, days: int
) -> None:
    """Nudge the assignee to chase the silent customer (no assignee left: the managers)."""
    profile = services.profile
    people = _assignee(profile, ticket) or list(
        profile.people_with_capability(Capability.RESOLVE_ANY)
    )
    activity = card_message(
        reminder_card(profile, ticket, days, record_link(services, ticket)),
        f"{ticket.number}: {days} business days without a word from the customer",
    )
    for person in people:
        # Once per reminder and resolution: a reopened ticket resolved again starts afresh.
        key = f"closure-reminder:{ticket.number}:{ticket.reopen_count}:{days}:{person.id}"
        await notifier.tell(Recipient.person(person.id), activity, key)


async def capture_knowledge(turn: Turn, saved: Ticket, kb_article: bool) -> tuple[Ticket, Told]:
    """A fix marked "Worth a KB article?" becomes a draft for the knowledge-base owner.

    Returns the ticket as it now stands (the draft is on its timeline) and what the resolver is
    told of who got the draft; without the mark, the ticket as saved and nothing to tell.
    """
    if not kb_article:
        return saved, Told("")
    told = await draft_for_owners(turn, saved)
    return await turn.services.tickets.get(saved.number) or saved, told


def _assignee(profile: Profile, ticket: Ticket) -> list[Person]:
    # Read from the roster rather than looked up: an assignee who has left it is skipped.
    return [person for person in profile.roster if person.id == ticket.assignee_id]
