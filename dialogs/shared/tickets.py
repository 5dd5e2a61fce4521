"""What every process dialog does with tickets: find one, apply workflow steps, save them."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from bot.turn import ActionResult, Turn
from dialogs.sla.updates import update_alert_cards
from services.forms.bounds import TEXT, overlong
from services.numbers import parse_id, parse_zendesk_ref, split_ticket_ref
from services.profile import Profile
from services.tickets import Change, StaleTicket, Ticket, TicketRuleError, TicketStatus
from services.tickets.numbering import number_prefix

_NUMBER = re.compile(r"^\s*#?\s*([A-Za-z]+)?-?\s*(\d+)\s*$")

Command = Callable[[Ticket], Change]
# What else shows a saved ticket: the processes whose posted cards must follow it register here.
ShowSaved = Callable[[Turn, Ticket], None]
_SHOWN_ON: list[ShowSaved] = [update_alert_cards]


def shows_tickets(show: ShowSaved) -> ShowSaved:
    """Register `show(turn, saved)`: it queues (turn.after) the update of its posted cards."""
    _SHOWN_ON.append(show)
    return show


class RecordRef(BaseModel):
    """What every button on a record's card carries: its number (inputs come in subclasses)."""

    model_config = ConfigDict(extra="ignore")
    number: str = Field(min_length=1, max_length=32)


# A ticket's buttons, and parts and service requests' buttons, carry the same thing.
TicketRef = RecordRef


def now(turn: Turn) -> datetime:
    """The app's clock (tests freeze it)."""
    return turn.services.clock()


def has_status(profile: Profile, role: TicketStatus) -> bool:
    """Whether the desk has a status playing `role`: a profile need not use every role."""
    return any(status.role is role for status in profile.statuses)


def ticket_number(turn: Turn, text: str) -> str | None:
    """'BP-1001', 'bp 1001', '#1001' or '1001' → 'BP-1001' (the desk's own prefix)."""
    match = _NUMBER.match(text or "")
    number = parse_id(match.group(2)) if match else None
    if number is None:
        return None
    return f"{number_prefix(turn.services.profile)}-{number}"


async def find_ticket(turn: Turn, text: str) -> tuple[Ticket | None, str | None]:
    """The ticket a person named (BP-1001, #1001, 1001, or Zendesk's ZD-4711 / zendesk 4711),
    or why there is none, in words they can act on."""
    zendesk_id = parse_zendesk_ref(text)
    if zendesk_id is not None:
        found = await turn.services.ticket_system.find(outside_id=str(zendesk_id))
        return (found, None) if found else (None, f"No ticket here is Zendesk #{zendesk_id}.")
    number = ticket_number(turn, text)
    if number is None and _NUMBER.match(text or ""):
        return None, f"There is no ticket {text.strip()[:24]}."
    if number is None:
        return None, "Which ticket? Give its number, like BP-1001."
    ticket = await turn.services.tickets.get(number)
    if ticket is None:
        return None, f"There is no ticket {number}."
    return ticket, None


def chained(*commands: Command) -> Command:
    """Workflow commands run one after another as one Change, so they are saved together."""

    def run(ticket: Ticket) -> Change:
        current, events = ticket, []
        for command in commands:
            change = command(current)
            current = change.ticket
            events.extend(change.events)
        return Change(current, tuple(events))

    return run


async def apply(turn: Turn, ticket: Ticket, command: Command) -> tuple[Ticket | None, str | None]:
    """Run one workflow command as the caller and save it; a refusal comes back as text.

    Nothing is lost on a refusal: the ticket is untouched and the card keeps what was typed.
    No retry on a version conflict: the person decided on the ticket as they saw it, so they
    see it again (TicketRepository.change is for steps that only add to the timeline).
    """
    try:
        change = command(ticket)
        saved = await turn.services.tickets.save(change.ticket, ticket.version, change.events)
    except TicketRuleError as refusal:
        return None, str(refusal)
    except StaleTicket:
        return None, (
            f"{ticket.number} changed while you were looking at it. "
            "Here is the current version; please try again."
        )
    show_saved(turn, saved)
    return saved, None


def show_saved(turn: Turn, saved: Ticket) -> None:
    """After the answer, the ticket's posted cards (SLA alerts, triage) show it as it is now:
    for a save made otherwise than through `apply` (TicketRepository.change, say)."""
    for show in _SHOWN_ON:
        show(turn, saved)


def refused(message: str) -> ActionResult:
    """A card action refused with a reason; the card stays as it is."""
    return ActionResult(message=message)


async def ticket_and_text(turn: Turn, args: str, what: str) -> tuple[Ticket, str] | None:
    """`<ticket> <text>` typed in the chat: the ticket and the text, or None once told why not."""
    number, text = split_ticket_ref(args)
    problem = overlong(what, text, TEXT)
    if problem:
        await turn.say(problem)
        return None
    ticket, problem = await find_ticket(turn, number)
    if ticket is None:
        await turn.say(problem or "")
        return None
    return ticket, text
