"""Triage's commands and card verbs: acknowledge, change priority, request info, the queue."""

from __future__ import annotations

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.lists import ticket_list_card
from cards.queue import OPEN, QUEUE, queue_card
from cards.triage import ACKNOWLEDGE, PRIORITY, REFRESH, REQUEST_INFO
from dialogs.shared.links import linker
from dialogs.shared.ticket_view import ticket_view
from dialogs.shared.tickets import TicketRef, apply, find_ticket, refused
from dialogs.triage.inputs import InfoRequest, PriorityInputs, QueueInputs
from dialogs.triage.notices import after_change, ask_requester
from dialogs.triage.views import refusal_result, triage_card_for
from services.delivery import reach_note
from services.profile import Capability
from services.tickets import Ticket, TicketRuleError, workflow
from services.tickets.rules import local_time

feature = Feature("triage")


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


@feature.command(
    "acknowledge",
    aliases=("ack",),
    usage="<ticket>",
    help="Record that the customer's request was acknowledged",
)
async def acknowledge_command(turn: Turn, args: str) -> None:
    """Record the acknowledgement of the ticket named, once; with none, offer the caller's."""
    if not args.strip():
        await _offer_unacknowledged(turn)
        return
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


async def _offer_unacknowledged(turn: Turn) -> None:
    """The caller's tickets still to acknowledge (triage: the queue's), each a button."""
    assert turn.caller is not None
    repo = turn.services.tickets
    mine = [t for t in await repo.open_for_assignee(turn.caller.id) if t.acknowledged_at is None]
    if not mine and turn.can(Capability.TRIAGE):
        mine = [t for t in await repo.untriaged_or_unassigned() if t.acknowledged_at is None]
    if not mine:
        await turn.say("Nothing of yours waits for acknowledgement.")
        return
    title = f"Which ticket did you acknowledge? ({len(mine)} waiting)"
    card = ticket_list_card(
        turn.services.profile,
        title,
        mine,
        turn.services.clock(),
        button=("Acknowledge", ACKNOWLEDGE),
    )
    await turn.send_card(card, summary=title)


@feature.action(ACKNOWLEDGE, model=TicketRef)
async def acknowledge_from_card(turn: Turn, data: TicketRef) -> ActionResult:
    """Record the acknowledgement from the triage card (triage or the assignee)."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    saved, problem = await _acknowledge(turn, ticket)
    if saved is None:
        return await refusal_result(turn, ticket, problem or "")
    return ActionResult(card=await after_change(turn, saved, outcome=_acknowledged(turn, saved)))


@feature.action(PRIORITY, model=PriorityInputs, capability=Capability.TRIAGE)
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


@feature.action(REQUEST_INFO, model=InfoRequest, capability=Capability.TRIAGE)
async def request_info(turn: Turn, data: InfoRequest) -> ActionResult:
    """Put the question on the timeline and ask whoever filed the ticket: a colleague in Teams,
    or the customer who wrote in, by a public comment the system of record e-mails them."""
    question = data.asked
    if not question:
        return refused("Say what is missing or doubtful, then send the request.")
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    profile, now, caller = turn.services.profile, turn.services.clock(), turn.caller
    system = turn.services.ticket_system
    on_roster = any(p.id == ticket.requester_id for p in profile.roster)
    if not on_roster and system.reaches_customer and ticket.contact_email:
        return await _ask_the_customer(turn, ticket, question)
    body = f"Info requested: {question}"
    saved, problem = await apply(
        turn, ticket, lambda t: workflow.add_note(t, caller.id, profile, now, body)
    )
    if saved is None:
        return await refusal_result(turn, ticket, problem or "")
    outcome, reach = f"{caller.name} noted the question on the timeline.", None
    requester = next((p for p in profile.roster if p.id == saved.requester_id), None)
    # Asking yourself is pointless: then the timeline entry is the reminder.
    if requester is not None and requester.id != caller.id:
        delivery = await ask_requester(turn, saved, requester, caller, question)
        outcome = f"{caller.name} asked {requester.name}: {question}"
        reach = reach_note(requester.name, delivery)
    return ActionResult(card=await after_change(turn, saved, outcome=outcome, reach=reach))


async def _ask_the_customer(turn: Turn, ticket: Ticket, question: str) -> ActionResult:
    """A ticket the customer opened (an e-mail to Zendesk, say): the question goes to them."""
    caller, now = turn.caller, turn.services.clock()
    try:
        saved = await turn.services.ticket_system.message_customer(
            ticket, question, author_id=caller.id, now=now
        )
    except TicketRuleError as refusal:
        return await refusal_result(turn, ticket, str(refusal))
    customer = ticket.contact_name or ticket.contact_email
    outcome = f"{caller.name} asked {customer} by e-mail: {question}"
    return ActionResult(card=await after_change(turn, saved, outcome=outcome))


@feature.action(REFRESH, model=TicketRef)
async def refresh_triage_card(turn: Turn, data: TicketRef) -> ActionResult:
    """The triage card as the ticket stands now: Teams asks when someone opens an old copy."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    return ActionResult(card=await triage_card_for(turn, ticket))


async def _queue_card(turn: Turn, outcome: str | None = None) -> tuple[dict, int]:
    tickets = await turn.services.tickets.untriaged_or_unassigned()
    services = turn.services
    card = queue_card(
        services.profile, tickets, services.clock(), outcome=outcome, links=linker(services)
    )
    return card, len(tickets)


@feature.command(
    "queue",
    help="List tickets waiting to be acknowledged or assigned, most urgent first",
    button_for=(Capability.TRIAGE,),
)
async def queue(turn: Turn, args: str) -> None:
    """Send the list of unacknowledged or unassigned tickets."""
    card, count = await _queue_card(turn)
    await turn.send_card(card, summary=f"Queue: {count} waiting")


@feature.action(QUEUE, model=QueueInputs)
async def refresh_queue(turn: Turn, data: QueueInputs) -> ActionResult:
    """The queue card as it stands now."""
    return ActionResult(card=(await _queue_card(turn))[0])


@feature.action(OPEN, model=TicketRef)
async def open_from_queue(turn: Turn, data: TicketRef) -> ActionResult:
    """Send the ticket as a card of its own below, and keep the queue (refreshed) in place."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    await turn.send_card(
        await ticket_view(turn, ticket), summary=f"{ticket.number} · {ticket.subject}"
    )
    return ActionResult(card=(await _queue_card(turn, f"{ticket.number} is open below."))[0])
