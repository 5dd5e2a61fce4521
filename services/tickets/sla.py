"""A ticket's SLA columns kept current: due times, pause and resume, and the sweep's next look.

TicketRepository applies `settle` to every ticket it creates or saves, so each workflow command
(here or in another process's package) gets deadlines, pauses and next checks right without
knowing about them. The arithmetic is services.sla.policy's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from services.profile import Profile
from services.sla.policy import Check, Deadline, SlaState, checks, next_check_at
from services.sla.policy import settle as settle_state
from services.tickets.model import Ticket
from services.tickets.rules import business_clock

DUE_FIELD = {
    Deadline.ACKNOWLEDGE: "ack_due_at",
    Deadline.FIRST_RESPONSE: "first_response_due_at",
    Deadline.RESOLUTION: "resolution_due_at",
}
MET_FIELD = {
    Deadline.ACKNOWLEDGE: "acknowledged_at",
    Deadline.FIRST_RESPONSE: "first_response_at",
    Deadline.RESOLUTION: "resolved_at",
}


def sla_state(ticket: Ticket) -> SlaState:
    """The SLA part of a ticket."""
    return SlaState(
        created_at=ticket.created_at,
        due={d: getattr(ticket, field) for d, field in DUE_FIELD.items()},
        met={d: getattr(ticket, field) for d, field in MET_FIELD.items()},
        paused_at=ticket.sla_paused_at,
        paused_minutes=ticket.sla_paused_minutes,
    )


def sla_checks(ticket: Ticket, profile: Profile) -> list[Check]:
    """The thresholds still to come for this ticket; none once it is resolved or closed."""
    if not ticket.is_open:
        return []
    warn = profile.sla.warn_before_breach_minutes
    return checks(sla_state(ticket), business_clock(profile), warn)


def settle(ticket: Ticket, profile: Profile, now: datetime | None = None) -> Ticket:
    """`ticket` with its SLA columns brought up to date for a change made at `now`.

    `now` defaults to updated_at, which every command sets to the time of its change. Pausing
    follows the status; the next check is the earliest threshold of an unmet deadline, even one
    already past: the sweep's unique alert key makes a second look at it harmless.
    """
    at = now or ticket.updated_at
    paused = profile.clock_paused(ticket.status) and ticket.is_open
    state = settle_state(
        sla_state(ticket),
        profile.sla_target(ticket.priority),
        business_clock(profile),
        paused=paused,
        now=at,
    )
    dues = {DUE_FIELD[d]: due for d, due in state.due.items()}
    settled = replace(
        ticket, sla_paused_at=state.paused_at, sla_paused_minutes=state.paused_minutes, **dues
    )
    return replace(settled, next_sla_check_at=next_check_at(sla_checks(settled, profile)))


def opening_columns(profile: Profile, priority: str, created_at: datetime) -> dict[str, object]:
    """The SLA columns of a ticket created at `created_at`: every deadline, the first look."""
    clock = business_clock(profile)
    nothing = dict.fromkeys(Deadline)
    state = settle_state(
        SlaState(created_at, nothing, nothing),
        profile.sla_target(priority),
        clock,
        paused=False,
        now=created_at,
    )
    found = checks(state, clock, profile.sla.warn_before_breach_minutes)
    return {DUE_FIELD[d]: due for d, due in state.due.items()} | {
        "sla_paused_at": None,
        "sla_paused_minutes": 0.0,
        "next_sla_check_at": next_check_at(found),
    }
