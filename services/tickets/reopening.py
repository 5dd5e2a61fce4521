"""Process 8, when a fix does not hold: reopen within the policy's window, counted and explained."""

from datetime import datetime
from typing import Any

from services.profile import Profile
from services.tickets.errors import TicketRuleError
from services.tickets.history import event, touched
from services.tickets.model import SYSTEM_ACTOR, Change, EventKind, ReopenSource, Ticket
from services.tickets.rules import (
    business_days_between,
    member,
    require_move,
    require_text,
    shown_days,
    status_label,
)
from services.tickets.statuses import TicketStatus


def reopen(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    *,
    reason: str,
    source: ReopenSource | str = ReopenSource.STAFF,
    reported_by: str | None = None,
) -> Change:
    """Send a resolved or closed ticket back to its assignee; counts against the reopen rate."""
    member(profile, actor_id, ticket)
    why = require_text(reason, f"Say why {ticket.number} is being reopened.")
    try:
        source = ReopenSource(source)
    except ValueError:
        raise TicketRuleError(f"'{source}' is not a reason a ticket comes back.") from None
    extra: dict[str, Any] = {"source": source}
    if source is ReopenSource.CUSTOMER_REPORT:
        extra["reported_by"] = require_text(
            reported_by, f"Say who at the customer reported that {ticket.number} is not fixed."
        )
    return _reopened(ticket, actor_id, profile, now, why, extra)


def reopen_from_record(
    ticket: Ticket, profile: Profile, now: datetime, *, reason: str, reported_by: str | None
) -> Change:
    """The system of record reopened a solved ticket: the customer answered Zendesk's e-mail
    (`reported_by` names them), or an agent reopened it there. The desk reopens it, counted."""
    why = require_text(reason, f"Say why {ticket.number} is being reopened.")
    extra: dict[str, Any] = {"source": ReopenSource.STAFF}
    if reported_by:
        extra = {"source": ReopenSource.CUSTOMER_REPORT, "reported_by": reported_by}
    return _reopened(ticket, SYSTEM_ACTOR, profile, now, why, extra)


def _reopened(
    ticket: Ticket, actor_id: str, profile: Profile, now: datetime, why: str, extra: dict
) -> Change:
    """Back to the assignee (or triage), resolution cleared, the reopen counted."""
    if ticket.is_open:
        raise TicketRuleError(
            f"{ticket.number} is {status_label(profile, ticket.status)}, not resolved or closed, "
            "so there is nothing to reopen."
        )
    _require_within_window(ticket, profile, now)
    target = TicketStatus.ASSIGNED if ticket.assignee_id else TicketStatus.NEW
    require_move(profile, ticket, target)
    new = touched(
        ticket,
        now,
        status=target,
        reopen_count=ticket.reopen_count + 1,
        resolved_at=None,
        closed_at=None,
    )
    return Change(new, (event(EventKind.REOPENED, actor_id, ticket, new, body=why, extra=extra),))


def _require_within_window(ticket: Ticket, profile: Profile, now: datetime) -> None:
    # Past the window a returning problem is a new ticket that links the old one (policy text);
    # a window of 0 means the profile sets no limit.
    window = profile.closure.reopen_window_business_days
    if ticket.status is not TicketStatus.CLOSED or not window or ticket.closed_at is None:
        return
    days = business_days_between(profile, ticket.closed_at, now)
    if days > window:
        raise TicketRuleError(
            f"{ticket.number} was closed {shown_days(days, up=True)} business days ago, past the "
            f"{window}-day reopen window; open a new ticket that links {ticket.number} instead."
        )
