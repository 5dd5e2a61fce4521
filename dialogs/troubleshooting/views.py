"""Process 3's cards for the person asking: their open tickets, a ticket's whole timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.turn import Turn
from cards.fit import Linker, no_link
from cards.history import history_card
from cards.lists import ticket_list_card
from dialogs.shared.links import record_link
from services.profile import Person, Profile
from services.tickets import Ticket
from services.tickets.describe import timeline


def my_tickets_view(
    profile: Profile,
    tickets: Sequence[Ticket],
    now: datetime,
    links: Linker = no_link,
    helping: Sequence[Ticket] = (),
) -> dict:
    """The caller's open tickets, most urgent first, each with its Open button; then those a
    team's involvement made them a helper on (dialogs.involvement)."""
    title = f"Your open tickets ({len(tickets)})"
    empty = "You have no open tickets."
    also = (f"Helping on ({len(helping)})", helping)
    return ticket_list_card(profile, title, tickets, now, empty=empty, links=links, also=also)


def greeting(profile: Profile, now: datetime) -> str:
    """Good morning, afternoon or evening on the team's clock (a restart may send it late)."""
    hour = now.astimezone(profile.business_hours.zone).hour
    return "Good morning" if hour < 12 else "Good afternoon" if hour < 18 else "Good evening"


def digest_view(
    profile: Profile,
    person: Person,
    tickets: Sequence[Ticket],
    now: datetime,
    links: Linker = no_link,
) -> dict:
    """The morning's list of a person's open tickets, most urgent first."""
    title = f"{greeting(profile, now)}, {person.name}: your open tickets ({len(tickets)})"
    return ticket_list_card(profile, title, tickets, now, links=links)


async def history_view(turn: Turn, ticket: Ticket, page: int) -> dict:
    """Page `page` of the ticket's whole timeline (1 is the newest)."""
    events = await turn.services.tickets.events(ticket.id)
    lines = timeline(turn.services.profile, list(events), limit=len(events))
    return history_card(ticket, lines, page, record_link(turn.services, ticket))
