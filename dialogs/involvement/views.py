"""What a ticket's cards show of its coordination: who helps on it, the documentation step and
'Pull in a team', for whoever coordinates it (its owner, triage, who may resolve any ticket)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from microsoft_teams.cards import CardElement, ShowCardAction

from bot.turn import Turn
from cards.involvement import helpers_section, involve_form, involvement_section
from dialogs.knowledge.matches import documentation_sections
from services.involvement import Helper
from services.profile import Capability, Profile
from services.tickets import Ticket, TicketEvent
from services.tickets.rules import name_of

if TYPE_CHECKING:
    from services.app_services import AppServices


def coordinates(turn: Turn, ticket: Ticket) -> bool:
    """Whether the caller coordinates the ticket's work (services.tickets.rules'
    require_coordinator says the same when they act)."""
    if turn.caller is None:
        return False
    if turn.caller.id == ticket.assignee_id:
        return True
    return turn.can(Capability.TRIAGE) or turn.can(Capability.RESOLVE_ANY)


def team_label(profile: Profile, key: str) -> str:
    """The team's name; its key when the profile no longer has it."""
    try:
        return profile.team(key).label
    except KeyError:
        return key


def pull_in_form(profile: Profile, ticket: Ticket, on: str = "ticket") -> ShowCardAction | None:
    """A button per team of the profile on an open ticket, the one its answers route to first;
    `on`: the card it is part of."""
    if not profile.teams or not ticket.is_open:
        return None
    suggested = profile.team_for(ticket.fields)
    teams = [(team.key, team.label) for team in profile.teams]
    return involve_form(ticket.number, teams, suggested.key if suggested else None, on)


def helping(profile: Profile, helpers: Sequence[Helper]) -> list[tuple[str, str]]:
    """(team, names) for each team helping on the ticket, in the order they were pulled in."""
    teams: dict[str, list[str]] = {}
    for helper in helpers:
        teams.setdefault(helper.team, []).append(name_of(profile, helper.person_id))
    return [(team_label(profile, key), ", ".join(names)) for key, names in teams.items()]


async def coordination_sections(
    services: AppServices,
    ticket: Ticket,
    events: Sequence[TicketEvent],
    *,
    coordinates: bool,
    on: str = "ticket",
) -> list[CardElement]:
    """Who helps on the ticket; for whoever coordinates it, the documentation step (where the
    profile puts documentation first) with 'Pull in a team', or that button alone. `on`: the
    card they are part of ("ticket" or "triage")."""
    profile = services.profile
    shown = helpers_section(helping(profile, await services.helpers.of(ticket.id)))
    if not coordinates:
        return shown
    pull_in = pull_in_form(profile, ticket, on)
    steps = await documentation_sections(services, ticket, events, pull_in, on)
    if not steps and pull_in is not None:
        steps = involvement_section(pull_in)
    return [*shown, *steps]
