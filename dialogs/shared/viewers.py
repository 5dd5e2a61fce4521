"""Who sees a ticket's cards, as Teams knows them: the ids a card's refresh lists, so Teams shows
each of them the ticket as it stands when they open an old copy (Universal Actions' userIds)."""

from __future__ import annotations

from bot.turn import Turn
from cards.render import REFRESH_USERS
from services.profile import Capability
from services.tickets import Ticket

# Whoever looks after the queue meets the ticket's cards wherever they are posted.
_WATCHERS = (Capability.TRIAGE, Capability.ASSIGN)


async def viewers(turn: Turn, ticket: Ticket) -> tuple[str, ...]:
    """The Teams user ids of the few people who see the ticket's cards: the one asking, its
    assignee, its helpers and triage (and whoever assigns); those who never talked to the bot
    are unknown to Teams' refresh and left out (they get the card as it stands when it reaches
    them)."""
    profile = turn.services.profile
    people = [turn.caller.id] if turn.caller else []
    if ticket.assignee_id:
        people.append(ticket.assignee_id)
    # Helpers a team's involvement added (dialogs.involvement) open its card from their notice.
    people.extend(helper.person_id for helper in await turn.services.helpers.of(ticket.id))
    for capability in _WATCHERS:
        people.extend(p.id for p in profile.people_with_capability(capability))
    found: list[str] = []
    for person_id in dict.fromkeys(people):  # once each, in that order
        account = await turn.notifier.teams_account(person_id)
        if account and account.get("id") and account["id"] not in found:
            found.append(account["id"])
        if len(found) == REFRESH_USERS:
            break
    return tuple(found)
