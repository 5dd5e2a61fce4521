"""Who hears of an involvement: each new helper, in their chat, with the ticket and the ask."""

from __future__ import annotations

from collections.abc import Sequence

from bot.turn import Turn
from cards.involvement import helpers_section
from cards.ticket import note_form, ticket_card
from dialogs.involvement.views import helping
from dialogs.shared.links import record_link
from dialogs.shared.viewers import viewers
from services.delivery import Recipient, Told, reach_note
from services.involvement import Helper
from services.profile import Person, Team
from services.tickets import Ticket
from services.tickets.rules import name_of


def asked(team: Team, asker: Person, ask: str | None) -> str:
    """What the helpers read first: who asks which team, and for what (the team's own help
    when nothing was typed)."""
    what = ask or team.help
    return f"{asker.name} asks {team.label} for help" + (f": {what}" if what else ".")


async def tell_helpers(
    turn: Turn, ticket: Ticket, team: Team, added: Sequence[Helper], asker: Person, ask: str | None
) -> Told:
    """The ticket's card, headed by the ask, in each new helper's chat (Add note to answer);
    returns what the one who asked is told."""
    services = turn.services
    profile = services.profile
    events = await services.tickets.events(ticket.id)
    shown = helpers_section(helping(profile, await services.helpers.of(ticket.id)))
    card = ticket_card(
        profile,
        ticket,
        events,
        [note_form(ticket.number)],
        headline=asked(team, asker, ask),
        sections=shown,
        viewers=await viewers(turn, ticket),
        link=record_link(services, ticket),
    )
    summary = f"{ticket.number}: {asker.name} asks {team.label} for help"
    waits = []
    for helper in added:
        # One involvement adds a person under a team once: the key is theirs on this ticket.
        key = f"involved:{ticket.number}:{team.key}:{helper.person_id}"
        delivery = await turn.tell(Recipient.person(helper.person_id), card, key, summary=summary)
        waits.append(reach_note(name_of(profile, helper.person_id), delivery))
    names = ", ".join(name_of(profile, h.person_id) for h in added)
    owner = ticket.assignee_id
    stays = f"; {name_of(profile, owner)} stays its owner" if owner else ""
    said = f"{team.label} pulled in on {ticket.number}: {names} told{stays}."
    return Told(said, tuple(w for w in waits if w))
