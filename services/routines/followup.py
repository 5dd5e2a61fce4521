"""What needs following up on one ticket, as the daily check and the status updates see it.

Three reasons, from the profile's [routines]:
    WAITING      waiting on the customer for `waiting_on_customer_business_days` or more
    NO_UPDATE    open, not waiting on the customer, untouched for `no_update_business_hours`
    UPDATE_DUE   escalated (to Engineering, or on intake), and the customer last heard from
                 the team (or the ticket was escalated) `status_updates.every_business_days`
                 or more ago
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from services.profile import Profile
from services.tickets.customer_message import escalated_at, last_customer_message
from services.tickets.model import EventKind, Ticket, TicketEvent
from services.tickets.rules import business_clock, business_days_between, shown_days
from services.tickets.statuses import TicketStatus


class Reason(StrEnum):
    """Why a ticket needs following up."""

    WAITING = "waiting"
    NO_UPDATE = "no_update"
    UPDATE_DUE = "update_due"


@dataclass(frozen=True)
class FollowUp:
    """One ticket to follow up, why, and since when."""

    ticket: Ticket
    reason: Reason
    since: datetime
    words: str  # "waiting on the customer for 4.0 business days"


def update_due_since(
    ticket: Ticket, profile: Profile, now: datetime, events: Sequence[TicketEvent]
) -> datetime | None:
    """When the escalated ticket's customer last heard from the team (or it was escalated), if
    a status update is due now by the profile's cadence; None when none is due, or the ticket
    was never escalated (to Engineering, or on intake)."""
    cadence = profile.routines.status_updates
    at_intake = any(e.kind is EventKind.ESCALATED_AT_INTAKE for e in events)
    if cadence is None or not (ticket.escalated or at_intake) or not ticket.is_open:
        return None
    heard = [t for t in (escalated_at(events), last_customer_message(events)) if t is not None]
    since = max(heard, default=ticket.created_at)
    days = business_days_between(profile, since, now)
    return since if days >= cadence.every_business_days else None


def follow_ups(
    ticket: Ticket, profile: Profile, now: datetime, update_due: datetime | None = None
) -> list[FollowUp]:
    """The reasons to follow up on an open ticket now (`update_due`: update_due_since's
    answer, read by the caller, who has the timeline)."""
    check = profile.routines.daily_check
    found: list[FollowUp] = []
    if check is None or not ticket.is_open:
        return found
    if ticket.status is TicketStatus.WAITING_ON_CUSTOMER:
        since = ticket.status_changed_at or ticket.updated_at
        days = business_days_between(profile, since, now)
        if days >= check.waiting_on_customer_business_days:
            words = f"waiting on the customer for {shown_days(days, up=False)} business days"
            found.append(FollowUp(ticket, Reason.WAITING, since, words))
    else:
        hours = business_clock(profile).between(ticket.updated_at, now) / 60
        if hours >= check.no_update_business_hours:
            # Whole hours, rounded down: "9 business hours" is only said once nine have passed.
            words = f"no update for {int(hours)} business hours"
            found.append(FollowUp(ticket, Reason.NO_UPDATE, ticket.updated_at, words))
    if update_due is not None:
        days = business_days_between(profile, update_due, now)
        words = f"the customer is due a status update ({shown_days(days, up=False)} business days)"
        found.append(FollowUp(ticket, Reason.UPDATE_DUE, update_due, words))
    return found
