"""Process 2, assignment: triage gives a ticket to someone, and they hear about it at once.

States:
    TRIAGE_POSTED  the triage card lists the workers, each with its reason line, the routing
                   suggestion pre-selected ("Kevin — PLC — 0 open")
    ASSIGNED       Assign on the card, or `assign <n> <person> [reason]` → workflow.assign; a
                   pick that does not fit the routing rule is refused, saying why, until an
                   override reason is given (kept on the timeline)
    NOTIFIED       the assignee's personal chat gets the ticket card (Accept, Reassign, Add
                   note) and the triage channel thread @mentions them; a notice that cannot be
                   delivered waits in the outbox and the assigner is told so plainly
    REASSIGN       Reassign on a ticket card → the triage card again, without the current
                   assignee (→ ASSIGNED); only for people who may assign
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.ticket import REASSIGN
from cards.triage import ASSIGN
from dialogs.shared.tickets import TicketRef, apply, find_ticket, refused
from dialogs.triage.notices import delivery_warning, mention_in_thread, notify_assignee
from dialogs.triage.views import after_change, refusal_result, triage_card_for
from services.forms.bounds import REASON, Key, Reason, overlong
from services.profile import Capability, Person, Profile
from services.routing.assignment import explain_mismatch
from services.tickets import Ticket, workflow

assignment = Feature("assignment")
USAGE = "Use: assign BP-1001 kevin, or assign BP-1001 jordan <why, when they don't fit>."


class AssignInputs(TicketRef):
    """Assign: the person picked on the card and, when they don't fit, why anyway."""

    assignee: Key = ""
    override_reason: Reason = ""


@dataclass(frozen=True)
class Assigned:
    """A saved assignment: the ticket, its fresh triage card and what the assigner is told."""

    ticket: Ticket
    card: dict
    outcome: str
    warning: str | None


def _person(profile: Profile, name: str) -> Person | None:
    wanted = name.strip().casefold()
    return next((p for p in profile.roster if wanted in (p.id, p.name.casefold())), None)


async def assign_ticket(
    turn: Turn, ticket: Ticket, assignee_id: str, reason: str
) -> tuple[Assigned | None, str | None]:
    """Assign as the caller, notify the assignee and update the triage cards; or say why not."""
    profile, caller, now = turn.services.profile, turn.caller, turn.services.clock()
    person = _person(profile, assignee_id)
    if person is None:
        return None, f"Nobody called '{assignee_id}' is on the {profile.company} team."
    reason = " ".join(reason.split())
    # Checked here as well as in the domain: routing's words name the skills the ticket needs.
    if ticket.issue_type and not reason:
        mismatch = explain_mismatch(profile, person.id, ticket.issue_type, ticket.complexity)
        if mismatch:
            return None, (
                f"{mismatch}. Give an override reason to assign {ticket.number} "
                f"to {person.name} anyway."
            )
    saved, problem = await apply(
        turn,
        ticket,
        lambda t: workflow.assign(
            t, caller.id, profile, now, assignee_id=person.id, override_reason=reason or None
        ),
    )
    if saved is None:
        return None, problem
    notice = await notify_assignee(turn, saved, person, caller)
    await mention_in_thread(turn, saved, person, caller)
    warning = await delivery_warning(turn, person, notice)
    outcome = f"Assigned to {person.name} by {caller.name}."
    if warning is None:
        outcome += f" {person.name} has the ticket in their chat."
    card = await after_change(turn, saved, outcome=outcome, warning=warning)
    return Assigned(saved, card, outcome, warning), None


@assignment.action(ASSIGN, model=AssignInputs, capability=Capability.ASSIGN)
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


@assignment.action(REASSIGN, model=TicketRef)
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


@assignment.command(
    "assign",
    usage="<ticket> <person> [reason]",
    help="Give a ticket to someone (a reason when they don't fit the routing rules)",
    capability=Capability.ASSIGN,
)
async def assign_command(turn: Turn, args: str) -> None:
    """Assign a ticket by typing its number, the person and, if needed, an override reason."""
    parts = args.split(maxsplit=2)
    if len(parts) < 2:
        await turn.say(USAGE)
        return
    reason = parts[2] if len(parts) > 2 else ""
    problem = overlong("reason", reason, REASON)
    if problem:
        await turn.say(problem)
        return
    ticket, problem = await find_ticket(turn, parts[0])
    if ticket is None:
        await turn.say(problem or USAGE)
        return
    done, problem = await assign_ticket(turn, ticket, parts[1], reason)
    if done is None:
        await turn.say(problem or USAGE)
        return
    await turn.say(" ".join(x for x in (done.outcome, done.warning) if x))
