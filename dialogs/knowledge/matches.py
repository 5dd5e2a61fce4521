""" "Can documentation solve it?" for one ticket: the knowledge base's best matches and the
answers already given, for the ticket and triage cards (dialogs.shared.ticket_view,
dialogs.triage.views)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from microsoft_teams.cards import CardElement, ShowCardAction

from cards.documentation import documentation_section
from services.knowledge import SearchHit
from services.knowledge.answers import documentation_answers
from services.knowledge.matching import RELEVANT, SIMILAR_TERMS
from services.profile import Profile
from services.tickets import Ticket, TicketEvent
from services.tickets.rules import local_time, name_of

if TYPE_CHECKING:
    from services.app_services import AppServices

MATCHES = 3  # a few to read on a card; `kb <words>` searches further


async def ticket_matches(services: AppServices, ticket: Ticket) -> list[SearchHit]:
    """Published articles like the ticket, best first (as intake's similar solved problems)."""
    return await services.knowledge.search(
        f"{ticket.subject}\n{ticket.description}",
        limit=MATCHES,
        min_terms=SIMILAR_TERMS,
        min_coverage=RELEVANT,
        machine_model=ticket.machine_model,
        issue_type=ticket.issue_type,
    )


def answered_lines(profile: Profile, events: Sequence[TicketEvent]) -> list[str]:
    """ "Answered with KB-3 by Sam, Tue 01 Dec 2026 10:00 CST", one per documentation answer."""
    return [
        f"Answered with {(e.after or {}).get('article', 'an article')} by "
        f"{name_of(profile, e.actor_id)}, {local_time(profile, e.at)}."
        for e in documentation_answers(events)
    ]


async def documentation_sections(
    services: AppServices,
    ticket: Ticket,
    events: Sequence[TicketEvent],
    pull_in: ShowCardAction | None,
    on: str = "ticket",
) -> list[CardElement]:
    """The section on an open ticket of a desk that puts documentation first; else nothing.
    `on`: the card it is part of ("ticket" or "triage")."""
    if not services.profile.knowledge.documentation_first or not ticket.is_open:
        return []
    return documentation_section(
        ticket.number,
        await ticket_matches(services, ticket),
        answered=answered_lines(services.profile, events),
        reaches_customer=services.ticket_system.reaches_customer,
        pull_in=pull_in,
        on=on,
    )
