"""The involvement process's command and card verb: pull a team in on a ticket."""

from __future__ import annotations

from dataclasses import dataclass

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.involvement import INVOLVE
from dialogs.involvement.inputs import InvolveInputs, parse_involve, team_list, team_named
from dialogs.involvement.notices import tell_helpers
from dialogs.shared.ticket_view import refusal_result, ticket_view
from dialogs.shared.tickets import find_ticket, now, refused, show_saved
from dialogs.triage.notices import after_change
from dialogs.triage.views import refusal_result as triage_refusal
from services.involvement import involve
from services.profile import Profile
from services.tickets import StaleTicket, Ticket, TicketRuleError

feature = Feature("involvement")


@dataclass(frozen=True)
class Involved:
    """A saved involvement: the ticket, what the one who asked reads, and who waits for it."""

    ticket: Ticket
    outcome: str
    reach: str | None


def no_teams(profile: Profile) -> str | None:
    """Why nobody can be involved on this desk (its profile lists no teams), else None."""
    return None if profile.teams else f"The {profile.company} desk has no teams to involve"


async def involve_team(
    turn: Turn, ticket: Ticket, name: str, ask: str
) -> tuple[Involved | None, str | None]:
    """Add the team's people as helpers, as the caller, and tell them; or say why not."""
    assert turn.caller is not None
    profile, caller, at = turn.services.profile, turn.caller, now(turn)
    team = team_named(profile, name)
    if team is None:
        return None, f"There is no team '{name[:64]}'. The teams: {team_list(profile)}."
    asked = " ".join(ask.split()) or None
    try:
        done = await turn.services.helpers.involve(
            ticket.number,
            lambda t, current: involve(t, caller.id, profile, at, team, current, asked),
        )
    except TicketRuleError as refusal:
        return None, str(refusal)
    except StaleTicket:
        return None, f"{ticket.number} is busy with other changes right now; please try again."
    if done is None:
        return None, f"There is no ticket {ticket.number}."
    saved, added = done
    show_saved(turn, saved)
    told = await tell_helpers(turn, saved, team, added, caller, asked)
    return Involved(saved, told.said, told.reach), None


@feature.action(INVOLVE, model=InvolveInputs)
async def involve_from_card(turn: Turn, data: InvolveInputs) -> ActionResult:
    """A team's button under 'Pull in a team' on the ticket or the triage card."""
    problem = no_teams(turn.services.profile)
    if problem:  # an old card, or card data written by hand
        return refused(f"{problem}.")
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    done, problem = await involve_team(turn, ticket, data.team, data.ask)
    if done is None and data.card == "triage":
        return await triage_refusal(turn, ticket, problem or "")
    if done is None:  # a card drawn while the ticket was open shows it as it is now
        return await refusal_result(turn, ticket, problem or "", refresh=not ticket.is_open)
    if data.card == "triage":
        card = await after_change(turn, done.ticket, outcome=done.outcome, reach=done.reach)
        return ActionResult(card=card)
    card = await ticket_view(turn, done.ticket, headline=done.outcome, reach=done.reach)
    return ActionResult(card=card)


@feature.command(
    "involve",
    usage="<ticket> <team> [what you need]",
    help="Pull a team in on a ticket as helpers; you stay its owner",
    serves=no_teams,  # help leaves it out where there are none, and says so when it is typed
)
async def involve_command(turn: Turn, args: str) -> None:
    """Involve a team by typing the ticket, the team and what is asked of it."""
    typed, problem = parse_involve(args, turn.services.profile)
    if typed is None:
        await turn.say(problem or "")
        return
    ticket, problem = await find_ticket(turn, typed.ticket)
    if ticket is None:
        await turn.say(problem or "")
        return
    done, problem = await involve_team(turn, ticket, typed.team, typed.ask)
    if done is None:
        await turn.say(problem or "")
        return
    await turn.say(" ".join(x for x in (done.outcome, done.reach) if x))
