"""Process 3, troubleshooting: open a ticket, work it and document the work.

States of a ticket as its assignee works it (each move is one button on the ticket card):
    ASSIGNED --Accept--> IN_PROGRESS (acknowledged too, if triage had not yet)
    IN_PROGRESS --Status--> WAITING_ON_CUSTOMER | WAITING_ON_PARTS --Status--> IN_PROGRESS
    any open state --Add note--> same state (internal or customer-visible; minutes logged)
    any open state --Resolve--> RESOLVING (dialogs.closure.feature)
Commands: `ticket <n>` (`show`, `t`), `history <n> [page]` (the whole timeline, a page at a
time: the ticket card shows only the newest entries), `my tickets` (`mine`), `note <n> <text>`.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import field_validator

from bot.router import Feature
from bot.turn import ActionResult, Turn
from cards.lists import ticket_list_card
from cards.ticket import ACCEPT, ADD_NOTE, HISTORY, REFRESH, SET_STATUS
from dialogs.shared.ticket_view import (
    act_on,
    chained,
    history_view,
    now,
    refusal_result,
    ticket_view,
)
from dialogs.shared.tickets import (
    Command,
    TicketRef,
    apply,
    find_ticket,
    refused,
    ticket_number,
)
from services.forms.bounds import PAGES, TEXT, Key, LongText, Minutes, Page, Reason, overlong
from services.tickets import TicketStatus
from services.tickets.rules import name_of, status_label
from services.tickets.workflow import acknowledge, add_note, change_status

troubleshooting = Feature("troubleshooting")
_PAGE = re.compile(r"^(.*\S)\s+(\d{1,5})$")  # "BP-1001 3": the ticket, then the page


class NoteInputs(TicketRef):
    """The Add note form: the note, whether the customer sees it, minutes spent."""

    body: LongText = ""
    public: bool = False
    minutes: Minutes | None = None

    @field_validator("minutes", mode="before")
    @classmethod
    def _no_time(cls, value: Any) -> Any:
        # An emptied or zeroed number input means "no time logged", not a mistake.
        return None if value in (None, "", 0, "0") else value


class StatusInputs(TicketRef):
    """The Status form: the new working status and, optionally, why."""

    status: Key = ""
    status_note: Reason | None = None


class HistoryInputs(TicketRef):
    """A page of the ticket's whole timeline (1 is the newest)."""

    page: Page = 1


@troubleshooting.command(
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


@troubleshooting.command(
    "my tickets", aliases=("mine",), help="Your open tickets, most urgent first", button=True
)
async def my_tickets(turn: Turn, args: str) -> None:
    """List the caller's unsolved tickets in the queue's urgency order."""
    assert turn.caller is not None  # the router only lets roster members run this
    tickets = await turn.services.tickets.open_for_assignee(turn.caller.id)
    card = ticket_list_card(
        turn.services.profile,
        f"Your open tickets ({len(tickets)})",
        tickets,
        now(turn),
        empty="You have no open tickets.",
    )
    await turn.send_card(card, summary=f"{len(tickets)} open tickets")


@troubleshooting.command("note", usage="<ticket> <text>", help="Add an internal note to a ticket")
async def note_command(turn: Turn, args: str) -> None:
    """Add an internal note from the chat; the card's Add note also does public notes and time."""
    assert turn.caller is not None
    number, _, text = args.strip().partition(" ")
    problem = overlong("note", text, TEXT)
    if problem:
        await turn.say(problem)
        return
    ticket, problem = await find_ticket(turn, number)
    if ticket is None:
        await turn.say(problem or "")
        return
    actor, profile, at = turn.caller.id, turn.services.profile, now(turn)
    _, refusal = await apply(turn, ticket, lambda t: add_note(t, actor, profile, at, text))
    await turn.say(refusal or f"Added an internal note to {ticket.number}.")


@troubleshooting.command(
    "history", usage="<ticket> [page]", help="A ticket's whole timeline, a page at a time"
)
async def history_command(turn: Turn, args: str) -> None:
    """Send one page of the timeline: the newest unless a page is named after the ticket."""
    text, page = args.strip(), 1
    paged = _PAGE.match(text)
    if paged and ticket_number(turn, text) is None:  # "bp 1001" is a ticket, "bp-1001 2" a page
        text, page = paged.group(1), min(int(paged.group(2)), PAGES)
    ticket, problem = await find_ticket(turn, text)
    if ticket is None:
        await turn.say(problem or "")
        return
    card = await history_view(turn, ticket, page)
    await turn.send_card(card, summary=f"Timeline of {ticket.number}")


@troubleshooting.action(HISTORY, model=HistoryInputs)
async def history_page(turn: Turn, data: HistoryInputs) -> ActionResult:
    """Replace the card with a page of the ticket's timeline."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    return ActionResult(card=await history_view(turn, ticket, data.page))


@troubleshooting.action(REFRESH, model=TicketRef)
async def refresh(turn: Turn, data: TicketRef) -> ActionResult:
    """Show the ticket card as it is now (also the Open button of ticket lists)."""
    ticket, problem = await find_ticket(turn, data.number)
    if ticket is None:
        return refused(problem or "")
    return ActionResult(card=await ticket_view(turn, ticket))


@troubleshooting.action(ACCEPT, model=TicketRef)
async def accept(turn: Turn, data: TicketRef) -> ActionResult:
    """The assignee takes the ticket on: acknowledged if not yet, and in progress."""
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
    if ticket.status is not TicketStatus.IN_PROGRESS:
        steps.append(lambda t: change_status(t, actor, profile, at, TicketStatus.IN_PROGRESS))
    if not steps:
        return refused(f"You already accepted {ticket.number}; it is in progress.")
    saved, refusal = await apply(turn, ticket, chained(*steps))
    if saved is None:
        return await refusal_result(turn, ticket, refusal or "")
    return ActionResult(card=await ticket_view(turn, saved, headline="Accepted: it is yours."))


@troubleshooting.action(ADD_NOTE, model=NoteInputs)
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


@troubleshooting.action(SET_STATUS, model=StatusInputs)
async def set_status(turn: Turn, data: StatusInputs) -> ActionResult:
    """Start work, or wait on the customer or on parts (the SLA clock pauses while waiting)."""
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


# The flows register their commands and verbs on this feature when imported.
import dialogs.troubleshooting.digest  # noqa: E402, F401
