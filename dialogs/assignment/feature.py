"""Assignment's card verbs and command: Assign on the triage card, Reassign, `assign`."""

from __future__ import annotations

from dataclasses import dataclass

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.ticket import REASSIGN
from cards.triage import ASSIGN
from dialogs.assignment.inputs import USAGE, AssignInputs, parse_assign, person_named
from dialogs.assignment.notices import mention_in_thread, notify_assignee
from dialogs.shared.tickets import TicketRef, apply, find_ticket, refused
from dialogs.triage.notices import after_change
from dialogs.triage.views import refusal_result, triage_card_for
from dialogs.troubleshooting.digest import refresh_held_digest
from services.delivery import reach_note
from services.profile import Capability
from services.tickets import Ticket, workflow

feature = Feature("assignment")


@dataclass(frozen=True)
class Assigned:
    """A saved assignment: the ticket, its fresh triage card and what the assigner is told."""

    ticket: Ticket
    card: dict
    outcome: str
    reach: str | None  # the assignee has no usable chat yet: what happens next


async def assign_ticket(
    turn: Turn, ticket: Ticket, assignee: str, reason: str
) -> tuple[Assigned | None, str | None]:
    """Assign as the caller, notify the assignee and update the triage cards; or say why not."""
    profile, caller, now = turn.services.profile, turn.caller, turn.services.clock()
    person = person_named(profile, assignee)
    if person is None:
        return None, f"Nobody called '{assignee}' is on the {profile.company} team."
    reason = " ".join(reason.split())
    # The routing-fit rule (and its override reason) is the workflow's: its refusal comes back.
    saved, problem = await apply(
        turn,
        ticket,
        lambda t: workflow.assign(
            t, caller.id, profile, now, assignee_id=person.id, override_reason=reason or None
        ),
    )
    if saved is None:
        return None, problem
    events = await turn.services.tickets.events(saved.id)
    delivery = await notify_assignee(turn, saved, events, person, caller)
    await mention_in_thread(turn, saved, person, caller)
    reach = reach_note(person.name, delivery)
    # Today's digest, if it waits for them (no app yet), would be one ticket short.
    await refresh_held_digest(turn.services, person, now)
    outcome = f"Assigned to {person.name} by {caller.name}."
    if reach is None:
        # Queued, not yet delivered: a failure after the answer is told to the assigner.
        outcome += f" The ticket is on its way to {person.name}'s chat."
    card = await after_change(turn, saved, outcome=outcome, reach=reach, events=events)
    return Assigned(saved, card, outcome, reach), None


@feature.action(ASSIGN, model=AssignInputs, capability=Capability.ASSIGN)
async def assign_from_card(turn: Turn, data: AssignInputs) -> ActionResult:
    """Assign the ticket to the person picked on the triage card."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    if not data.assignee:
        return refused(f"Pick who should work {ticket.number}, then press Assign.")
    done, problem = await assign_ticket(turn, ticket, data.assignee, data.override_reason)
    if done is None:
        return await refusal_result(turn, ticket, problem or "")
    return ActionResult(card=done.card)


@feature.action(REASSIGN, model=TicketRef)
async def reassign(turn: Turn, data: TicketRef) -> ActionResult:
    """Offer the assign choices again, without the current assignee."""
    if not turn.can(Capability.ASSIGN):
        people = turn.services.profile.people_with_capability(Capability.ASSIGN)
        names = " or ".join(p.name for p in people) or "triage"
        return refused(
            f"Only {names} can reassign {data.number}. If it should go to someone else, "
            "tell them why in a note on the ticket."
        )
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    if not ticket.is_open:
        return refused(f"{ticket.number} is no longer open; reopen it before reassigning it.")
    return ActionResult(card=await triage_card_for(turn, ticket))


@feature.command(
    "assign",
    usage="<ticket> <person> [reason]",
    help="Give a ticket to someone (a reason when they don't fit the routing rules)",
    capability=Capability.ASSIGN,
)
async def assign_command(turn: Turn, args: str) -> None:
    """Assign a ticket by typing its number, the person and, if needed, an override reason."""
    typed, problem = parse_assign(args)
    if typed is None:
        await turn.say(problem or USAGE)
        return
    ticket, problem = await find_ticket(turn, typed.ticket)
    if ticket is None:
        await turn.say(problem or USAGE)
        return
    done, problem = await assign_ticket(turn, ticket, typed.person, typed.reason)
    if done is None:
        await turn.say(problem or USAGE)
        return
    # Typed, the answer names the ticket: the card's heading does that on a card.
    said = f"{done.ticket.number}: {done.outcome}"
    await turn.say(" ".join(x for x in (said, done.reach) if x))
