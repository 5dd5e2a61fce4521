"""Process 3's commands and ticket card verbs: open a ticket, accept it, note, change status.

The daily digest registers on this feature from digest.py.
"""

from __future__ import annotations

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.lists import followed_card
from cards.ticket import ACCEPT, ADD_NOTE, HISTORY, REFRESH, SET_STATUS
from dialogs.shared.links import linker
from dialogs.shared.ticket_view import act_on, refusal_result, ticket_view
from dialogs.shared.tickets import (
    Command,
    TicketRef,
    apply,
    chained,
    find_ticket,
    has_status,
    now,
    refused,
    ticket_and_text,
)
from dialogs.troubleshooting.inputs import HistoryInputs, NoteInputs, StatusInputs, history_args
from dialogs.troubleshooting.views import history_view, my_tickets_view
from services.profile import Capability
from services.tickets import TicketStatus
from services.tickets.durations import leading_minutes
from services.tickets.rules import name_of, status_label
from services.tickets.workflow import acknowledge, add_note, change_status

feature = Feature("troubleshooting")


@feature.command(
    "ticket", usage="<ticket>", aliases=("show", "t"), help="Show a ticket and its timeline"
)
async def show_ticket(turn: Turn, args: str) -> None:
    """Send the ticket card with the buttons the caller may use."""
    ticket, problem = await find_ticket(turn, args)
    if ticket is None:
        await turn.say(problem or "")
        return
    card = await ticket_view(turn, ticket)
    await turn.send_card(card, summary=f"{ticket.number} · {ticket.subject}")


@feature.command(
    "my tickets", aliases=("mine",), help="Your open tickets, most urgent first", button=True
)
async def my_tickets(turn: Turn, args: str) -> None:
    """List the caller's unsolved tickets in the queue's urgency order, then those they help on."""
    assert turn.caller is not None  # the router only lets roster members run this
    tickets = await turn.services.tickets.open_for_assignee(turn.caller.id)
    helping = await turn.services.helpers.open_helped_by(turn.caller.id)
    if not tickets and not helping:
        await _nothing_assigned(turn)
        return
    profile, links = turn.services.profile, linker(turn.services)
    card = my_tickets_view(profile, tickets, now(turn), links, helping)
    helps = f", helping on {len(helping)}" if helping else ""
    await turn.send_card(card, summary=f"{len(tickets)} open tickets{helps}")


async def _nothing_assigned(turn: Turn) -> None:
    """With nothing assigned, what the caller follows; for triage, where their work waits."""
    assert turn.caller is not None
    followed = await turn.services.tickets.open_followed_by(turn.caller.id)
    queue = None
    if turn.can(Capability.TRIAGE):
        queue = len(await turn.services.tickets.untriaged_or_unassigned())
    links = linker(turn.services)
    card = followed_card(turn.services.profile, followed, now(turn), queue=queue, links=links)
    await turn.send_card(card, summary="No open tickets are assigned to you")


@feature.command(
    "note",
    usage="<ticket> [time] <text>",
    help="Add an internal note to a ticket; a leading time (20 min, 1h30) is logged as worked",
)
async def note_command(turn: Turn, args: str) -> None:
    """Add an internal note from the chat, logging a leading "20 min" as time spent; the card's
    Add note also does public notes."""
    assert turn.caller is not None
    found = await ticket_and_text(turn, args, "note")
    if found is None:
        return
    ticket, typed = found
    minutes, rest = leading_minutes(typed)
    text = rest or typed  # "note BP-1001 20 min" alone: the time is the note too
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)
    _, refusal = await apply(
        turn, ticket, lambda t: add_note(t, actor, profile, at, text, minutes=minutes)
    )
    logged = f" and logged {minutes} min" if minutes else ""
    await turn.say(refusal or f"Added an internal note to {ticket.number}{logged}.")


@feature.command(
    "history", usage="<ticket> [page]", help="A ticket's whole timeline, a page at a time"
)
async def history_command(turn: Turn, args: str) -> None:
    """Send one page of the timeline: the newest unless a page is named after the ticket."""
    text, page = history_args(turn, args)
    ticket, problem = await find_ticket(turn, text)
    if ticket is None:
        await turn.say(problem or "")
        return
    card = await history_view(turn, ticket, page)
    await turn.send_card(card, summary=f"Timeline of {ticket.number}")


@feature.action(HISTORY, model=HistoryInputs)
async def history_page(turn: Turn, data: HistoryInputs) -> ActionResult:
    """Replace the card with a page of the ticket's timeline."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    return ActionResult(card=await history_view(turn, ticket, data.page))


@feature.action(REFRESH, model=TicketRef)
async def refresh(turn: Turn, data: TicketRef) -> ActionResult:
    """Show the ticket card as it is now (also the Open button of ticket lists)."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    return ActionResult(card=await ticket_view(turn, ticket))


@feature.action(ACCEPT, model=TicketRef)
async def accept(turn: Turn, data: TicketRef) -> ActionResult:
    """The assignee takes the ticket on: acknowledged if not yet, and in progress if the desk
    has an in-progress status (without one, accepting only acknowledges)."""
    assert turn.caller is not None
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    profile, actor, at = turn.services.profile, turn.caller.id, now(turn)
    if ticket.assignee_id != actor:
        who = name_of(profile, ticket.assignee_id) if ticket.assignee_id else "nobody yet"
        return refused(f"Only the assignee accepts {ticket.number}; it is assigned to {who}.")
    steps: list[Command] = []
    if ticket.acknowledged_at is None:
        steps.append(lambda t: acknowledge(t, actor, profile, at))
    working = has_status(profile, TicketStatus.IN_PROGRESS)
    if working and ticket.status is not TicketStatus.IN_PROGRESS:
        steps.append(lambda t: change_status(t, actor, profile, at, TicketStatus.IN_PROGRESS))
    if not steps:
        already = f"You already accepted {ticket.number}"
        return refused(f"{already}; it is in progress." if working else f"{already}.")
    saved, refusal = await apply(turn, ticket, chained(*steps))
    if saved is None:
        return await refusal_result(turn, ticket, refusal or "", refresh=True)
    waiting = ticket.status not in (TicketStatus.NEW, TicketStatus.ASSIGNED)
    headline = "Back in progress." if waiting else "Accepted: it is yours."
    return ActionResult(card=await ticket_view(turn, saved, headline=headline))


@feature.action(ADD_NOTE, model=NoteInputs)
async def save_note(turn: Turn, data: NoteInputs) -> ActionResult:
    """Add a note from the card; the first customer-visible one is the first response."""
    acted = await act_on(
        turn,
        data.number,
        lambda t, actor, profile, at: add_note(
            t, actor, profile, at, data.body, public=data.public, minutes=data.minutes
        ),
    )
    if isinstance(acted, ActionResult):
        return acted
    before, saved = acted
    headline = "Customer-visible note added." if data.public else "Internal note added."
    if saved.first_response_at and before.first_response_at is None:
        headline += " First response recorded."
    return ActionResult(card=await ticket_view(turn, saved, headline=headline))


@feature.action(SET_STATUS, model=StatusInputs)
async def set_status(turn: Turn, data: StatusInputs) -> ActionResult:
    """Start work, or wait on the customer or on something else, such as parts (the SLA clock
    pauses in the statuses the profile says)."""
    acted = await act_on(
        turn,
        data.number,
        lambda t, actor, profile, at: change_status(
            t, actor, profile, at, data.status, note=data.status_note
        ),
    )
    if isinstance(acted, ActionResult):
        return acted
    _, saved = acted
    profile = turn.services.profile
    headline = f"Now {status_label(profile, saved.status)}."
    if profile.clock_paused(saved.status):
        headline += " The SLA clock is paused until work resumes."
    return ActionResult(card=await ticket_view(turn, saved, headline=headline))


# The daily digest registers its job on this feature when imported.
import dialogs.troubleshooting.digest  # noqa: E402, F401
