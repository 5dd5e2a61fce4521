"""How late a ticket is: its missed SLA deadlines, in business time as the SLA counts it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from microsoft_teams.cards import TextBlock

from services.profile import Profile
from services.sla.policy import minutes_late, shown_minutes
from services.tickets import Ticket
from services.tickets.rules import business_clock


@dataclass(frozen=True)
class Missed:
    """One deadline the ticket missed and how many business minutes ago."""

    what: str  # "Acknowledgement", "First response", "Resolution"
    minutes: float

    @property
    def line(self) -> str:
        """E.g. "Acknowledgement late by 1 h 32 min of business time"."""
        if self.minutes < 1:  # due just before closing time: no business time has passed yet
            return f"{self.what} overdue"
        return f"{self.what} late by {shown_minutes(self.minutes)}"


def missed(profile: Profile, ticket: Ticket, now: datetime) -> list[Missed]:
    """The open ticket's unmet deadlines already past, most late first."""
    if not ticket.is_open:
        return []
    deadlines = (
        ("Acknowledgement", ticket.acknowledged_at, ticket.ack_due_at),
        ("First response", ticket.first_response_at, ticket.first_response_due_at),
        ("Resolution", ticket.resolved_at, ticket.resolution_due_at),
    )
    # A paused clock stands still: the lateness is what it was when the pause began.
    until = min(now, ticket.sla_paused_at) if ticket.sla_paused_at else now
    clock = business_clock(profile)
    late = [
        Missed(what, minutes_late(clock, due, until))
        for what, met, due in deadlines
        if met is None and due is not None and due <= until
    ]
    return sorted(late, key=lambda m: -m.minutes)


def most_late(profile: Profile, ticket: Ticket, now: datetime) -> float:
    """Business minutes past the ticket's earliest missed deadline (0.0 when none is missed)."""
    found = missed(profile, ticket, now)
    return found[0].minutes if found else 0.0


def overdue_block(found: list[Missed]) -> TextBlock | None:
    """The missed deadlines as one line in attention colour, or None when none is missed."""
    if not found:
        return None
    first, *rest = [m.line for m in found]
    text = "; ".join([first, *(line[0].lower() + line[1:] for line in rest)]) + "."
    return TextBlock(text=text, color="Attention", weight="Bolder", wrap=True)
