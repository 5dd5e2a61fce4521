"""How late a ticket is: its SLA deadlines, missed or coming, worded in one place for every card
(the queue, the ticket card, the SLA alert and the held summary), in business time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from microsoft_teams.cards import TextBlock

from services.profile import Profile
from services.sla.policy import Deadline, minutes_late, shown_minutes
from services.tickets import Ticket
from services.tickets.rules import business_clock

DEADLINE_NAMES = {
    Deadline.ACKNOWLEDGE: "acknowledgement",
    Deadline.FIRST_RESPONSE: "first response",
    Deadline.RESOLUTION: "resolution",
}


@dataclass(frozen=True, slots=True)
class Missed:
    """One deadline and the business minutes past it (or, on a warning, left before it)."""

    deadline: Deadline
    minutes: float
    due_at: datetime | None = None  # when it is due, where the card says so

    @property
    def name(self) -> str:
        """E.g. "first response"."""
        return DEADLINE_NAMES[self.deadline]

    @property
    def line(self) -> str:
        """E.g. "Acknowledgement late by 1 h 32 min of business time"."""
        if self.minutes < 1:  # due just before closing time: no business time has passed yet
            return f"{self.name.capitalize()} overdue"
        return f"{self.name.capitalize()} late by {shown_minutes(self.minutes)}"


def missed(profile: Profile, ticket: Ticket, now: datetime) -> list[Missed]:
    """The open ticket's unmet deadlines already past, most late first."""
    if not ticket.is_open:
        return []
    deadlines = (
        (Deadline.ACKNOWLEDGE, ticket.acknowledged_at, ticket.ack_due_at),
        (Deadline.FIRST_RESPONSE, ticket.first_response_at, ticket.first_response_due_at),
        (Deadline.RESOLUTION, ticket.resolved_at, ticket.resolution_due_at),
    )
    # A paused clock stands still: the lateness is what it was when the pause began.
    until = min(now, ticket.sla_paused_at) if ticket.sla_paused_at else now
    clock = business_clock(profile)
    late = [
        Missed(deadline, minutes_late(clock, due, until), due)
        for deadline, met, due in deadlines
        if met is None and due is not None and due <= until
    ]
    return sorted(late, key=lambda m: -m.minutes)


def most_late(profile: Profile, ticket: Ticket, now: datetime) -> float:
    """Business minutes past the ticket's earliest missed deadline (0.0 when none is missed)."""
    found = missed(profile, ticket, now)
    return found[0].minutes if found else 0.0


def missed_text(found: list[Missed]) -> str:
    """The missed deadlines as one sentence: "Acknowledgement late by 5 business minutes."."""
    first, *rest = [m.line for m in found]
    return "; ".join([first, *(line[0].lower() + line[1:] for line in rest)]) + "."


def overdue_block(found: list[Missed]) -> TextBlock | None:
    """The missed deadlines as one line in attention colour, or None when none is missed."""
    if not found:
        return None
    return TextBlock(text=missed_text(found), color="Attention", weight="Bolder", wrap=True)
