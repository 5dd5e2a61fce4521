"""The `time` command's rule: who may log time on a ticket, and how much at once."""

from __future__ import annotations

from datetime import datetime

from services.forms.bounds import overlong
from services.profile import Profile
from services.tickets.errors import TicketRuleError
from services.tickets.model import Ticket
from services.tickets.rules import member
from services.time_entries.model import MOST_MINUTES, NOTE_LIMIT, NewTimeEntry

EXAMPLES = "45m, 1h30, 1.5 h or 90 minutes"


def log_time(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    minutes: int | None,
    note: str = "",
) -> NewTimeEntry:
    """An entry of `minutes` by `actor_id` on `ticket`, worked today in the team's time zone.

    Refused in words (TicketRuleError) for someone off the roster, no duration, none at all,
    more than a day, or a note too long. A closed ticket takes time too: the call that closed it
    was worked, and Harvest is filled in after the fact.
    """
    member(profile, actor_id, ticket)
    if minutes is None:
        raise TicketRuleError(
            f"How long did you work on {ticket.number}? Put the time after the ticket, like "
            f"`time {ticket.number} 45m call with customer` ({EXAMPLES})."
        )
    if minutes < 1:
        raise TicketRuleError("Time worked must be at least a minute.")
    if minutes > MOST_MINUTES:
        raise TicketRuleError(
            f"Time worked is at most {MOST_MINUTES} minutes (a day) per entry; "
            f"{minutes} minutes is more. Log each day on its own."
        )
    text = note.strip()
    problem = overlong("note", text, NOTE_LIMIT)
    if problem:
        raise TicketRuleError(problem)
    return NewTimeEntry(
        ticket_id=ticket.id,
        ticket_number=ticket.number,
        person_id=actor_id,
        minutes=minutes,
        spent_date=now.astimezone(profile.business_hours.zone).date(),
        note=text or None,
        created_at=now,
    )


def spoken(minutes: int) -> str:
    """Minutes as people say them: "45 min", "1 h", "1 h 30 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"
