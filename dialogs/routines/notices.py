"""Who is handed a customer message the desk cannot send, and how it is put in their hands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.turn import card_message
from cards.customer_message import message_card
from dialogs.shared.links import record_link
from services.delivery import Recipient
from services.profile import Capability, Person, Profile
from services.tickets import Ticket
from services.tickets.customer_message import Purpose

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

_SUMMARY = {
    Purpose.CLOSE_WARNING: "{number}: warn the customer before it closes",
    Purpose.STATUS_UPDATE: "{number}: the customer is due a status update",
    Purpose.DOCUMENTATION: "{number}: send the customer the documentation answer",
}
HANDED_OVER = frozenset(_SUMMARY)  # the purposes a message card is handed over for


def owners(profile: Profile, ticket: Ticket) -> list[Person]:
    """Who writes to the ticket's customer: its assignee; nobody assigned (or they left the
    roster), the people of the daily check's role, else those who may resolve any ticket."""
    assignee = [person for person in profile.roster if person.id == ticket.assignee_id]
    if assignee:
        return assignee
    check = profile.routines.daily_check
    if check is not None and profile.people_with_role(check.role):
        return list(profile.people_with_role(check.role))
    return list(profile.people_with_capability(Capability.RESOLVE_ANY))


async def already_handed(services: AppServices, ticket: Ticket, key: str) -> bool:
    """Whether this message was already put in its owners' hands (the first owner's copy)."""
    people = owners(services.profile, ticket)
    return bool(people) and await services.outbox.find(f"{key}:{people[0].id}") is not None


async def hand_over(
    services: AppServices,
    notifier: Notifier,
    ticket: Ticket,
    purpose: Purpose,
    text: str,
    key: str,
    *,
    why_not: str = "",
) -> list[str]:
    """Give the ticket's owners the message to send (once per `key`); their names.

    `why_not`: why the desk cannot send it itself (then they send it and press Sent it);
    empty when the card may offer Send to the customer.
    """
    profile = services.profile
    card = message_card(
        profile, ticket, purpose, text, why_not=why_not, link=record_link(services, ticket)
    )
    activity = card_message(card, _SUMMARY[purpose].format(number=ticket.number))
    people = owners(profile, ticket)
    for person in people:
        await notifier.tell(Recipient.person(person.id), activity, f"{key}:{person.id}")
    return [person.name for person in people]
