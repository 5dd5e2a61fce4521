"""Process 1, triage: every new ticket gets a triage card, and triage acts on it there.

States:
    TRIAGE_POSTED   a ticket is filed → announce_new_ticket posts the triage card in the triage
                    channel (each triager's personal chat when there is none, or it can't be
                    reached yet): summary, what is missing or doubtful, acknowledgement due,
                    the suggested assignee pre-selected
    CLASSIFIED      Change priority → the card shows the new priority and acknowledgement due
    INFO_REQUESTED  Request info → the question goes on the timeline; whoever filed the ticket
                    is asked in their chat and answers with a note
    ACKNOWLEDGED    Acknowledge, or `acknowledge <n>` → recorded once; a second time is refused
    ASSIGNED        Assign → dialogs.assignment.feature
Each action replaces the card in place and updates the ticket's other triage cards; `queue`
lists what is still unacknowledged or unassigned, most urgent first.
"""

from __future__ import annotations

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.triage import ACKNOWLEDGE, PRIORITY, REQUEST_INFO, queue_card
from dialogs.shared.tickets import TicketRef, apply, find_ticket, refused
from dialogs.triage.notices import ask_requester, delivery_warning, post_triage_card
from dialogs.triage.views import after_change, refusal_result, triage_card_for
from services.forms.bounds import ChoiceKey, Reason
from services.profile import Capability
from services.tickets import Ticket, workflow
from services.tickets.rules import local_time

triage = Feature("triage")


class PriorityInputs(TicketRef):
    """Change priority: the priority key picked on the card."""

    priority: ChoiceKey


class InfoRequest(TicketRef):
    """Request info: what triage needs to know."""

    question: Reason = ""


async def announce_new_ticket(turn: Turn, ticket: Ticket) -> None:
    """Post the triage card for a ticket just filed (called by the intake dialog)."""
    await post_triage_card(turn, ticket, await triage_card_for(turn, ticket))


def _acknowledged(turn: Turn, ticket: Ticket) -> str:
    profile, due = turn.services.profile, ticket.ack_due_at
    at = ticket.acknowledged_at or ticket.updated_at  # the same instant on an acknowledged one
    late = f", after it was due ({local_time(profile, due)})" if due and at > due else ""
    return f"{ticket.number} acknowledged by {turn.caller.name} on {local_time(profile, at)}{late}."


async def _acknowledge(turn: Turn, ticket: Ticket) -> tuple[Ticket | None, str | None]:
    now, profile = turn.services.clock(), turn.services.profile
    return await apply(
        turn, ticket, lambda t: workflow.acknowledge(t, turn.caller.id, profile, now)
    )


@triage.command(
    "acknowledge",
    aliases=("ack",),
    usage="<ticket>",
    help="Record that the customer's request was acknowledged",
)
async def acknowledge_command(turn: Turn, args: str) -> None:
    """Record the acknowledgement of the ticket named, once."""
    ticket, problem = await find_ticket(turn, args)
    if ticket is None:
        await turn.say(problem or "")
        return
    saved, problem = await _acknowledge(turn, ticket)
    if saved is None:
        await turn.say(problem or "")
        return
    line = _acknowledged(turn, saved)
    await after_change(turn, saved, outcome=line)
    await turn.say(line)


@triage.action(ACKNOWLEDGE, model=TicketRef)
async def acknowledge_from_card(turn: Turn, data: TicketRef) -> ActionResult:
    """Record the acknowledgement from the triage card (triage or the assignee)."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    saved, problem = await _acknowledge(turn, ticket)
    if saved is None:
        return await refusal_result(turn, ticket, problem or "")
    return ActionResult(card=await after_change(turn, saved, outcome=_acknowledged(turn, saved)))


@triage.action(PRIORITY, model=PriorityInputs, capability=Capability.TRIAGE)
async def change_priority(turn: Turn, data: PriorityInputs) -> ActionResult:
    """Set the priority triage chose; the acknowledgement due time follows it."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    profile, now = turn.services.profile, turn.services.clock()
    saved, problem = await apply(
        turn,
        ticket,
        lambda t: workflow.classify(t, turn.caller.id, profile, now, priority=data.priority),
    )
    if saved is None:
        return await refusal_result(turn, ticket, problem or "")
    label = profile.priority(saved.priority).label
    outcome = f"Priority set to {label} by {turn.caller.name}."
    return ActionResult(card=await after_change(turn, saved, outcome=outcome))


@triage.action(REQUEST_INFO, model=InfoRequest, capability=Capability.TRIAGE)
async def request_info(turn: Turn, data: InfoRequest) -> ActionResult:
    """Put the question on the timeline and ask whoever filed the ticket."""
    question = " ".join(data.question.split())
    if not question:
        return refused("Say what is missing or doubtful, then send the request.")
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    profile, now, caller = turn.services.profile, turn.services.clock(), turn.caller
    body = f"Info requested: {question}"
    saved, problem = await apply(
        turn, ticket, lambda t: workflow.add_note(t, caller.id, profile, now, body)
    )
    if saved is None:
        return await refusal_result(turn, ticket, problem or "")
    outcome, warning = f"{caller.name} noted the question on the timeline.", None
    requester = next((p for p in profile.roster if p.id == saved.requester_id), None)
    # Asking yourself is pointless: then the timeline entry is the reminder.
    if requester is not None and requester.id != caller.id:
        sent = await ask_requester(turn, saved, requester, caller, question)
        outcome = f"{caller.name} asked {requester.name}: {question}"
        warning = await delivery_warning(turn, requester, sent)
    return ActionResult(card=await after_change(turn, saved, outcome=outcome, warning=warning))


@triage.command(
    "queue", help="List tickets waiting to be acknowledged or assigned, most urgent first"
)
async def queue(turn: Turn, args: str) -> None:
    """Send the list of unacknowledged or unassigned tickets."""
    tickets = await turn.services.tickets.untriaged_or_unassigned()
    card = queue_card(turn.services.profile, tickets, turn.services.clock())
    await turn.send_card(card, summary=f"Queue: {len(tickets)} waiting")
