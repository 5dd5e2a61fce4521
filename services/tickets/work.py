"""Process 3, troubleshooting: move a ticket between working and waiting, and document the work."""

from datetime import datetime

from services.profile import Profile
from services.tickets.errors import TicketRuleError
from services.tickets.history import event, touched
from services.tickets.model import Change, EventKind, Ticket, Visibility
from services.tickets.rules import (
    member,
    require_engineering_answer,
    require_move,
    require_text,
    require_worker,
    status_label,
    status_role,
)
from services.tickets.statuses import TicketStatus

# The statuses troubleshooting sets directly; the others have commands with rules of their own.
WORK_STATUSES = frozenset(
    {TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_OTHER}
)
# A day, the most the Add note form offers: card data is the client's to write, so the rule holds
# here too (one note of three billion minutes once broke every ticket query on PostgreSQL).
MAX_NOTE_MINUTES = 1440
_OWN_COMMAND = {
    TicketStatus.NEW: "reopen it",
    TicketStatus.ASSIGNED: "assign it",
    TicketStatus.ESCALATED: "escalate it to Engineering",
    TicketStatus.RESOLVED: "resolve it with a resolution summary",
    TicketStatus.CLOSED: "close it",
}


def change_status(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    status: TicketStatus | str,
    *,
    note: str | None = None,
) -> Change:
    """Start work, or wait on the customer or on something else; `note` says why (internal).

    `status` is a role, or the key of one of the profile's statuses (as the Status form sends).
    """
    target = status_role(profile, status)
    if target not in WORK_STATUSES:
        label = status_label(profile, target)
        raise TicketRuleError(
            f"{ticket.number} is not set to {label} directly: {_OWN_COMMAND[target]}."
        )
    require_worker(profile, actor_id, ticket, "change the status of")
    require_engineering_answer(profile, ticket)
    if ticket.assignee_id is None:
        raise TicketRuleError(f"{ticket.number} has no assignee yet; assign it before work starts.")
    require_move(profile, ticket, target)
    new = touched(ticket, now, status=target)
    body = (note or "").strip() or None
    return Change(new, (event(EventKind.STATUS_CHANGED, actor_id, ticket, new, body=body),))


def add_note(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    body: str,
    *,
    public: bool = False,
    minutes: int | None = None,
) -> Change:
    """Add an internal or public (customer-visible) note, optionally logging minutes worked.

    The first public note is the ticket's first response.
    """
    member(profile, actor_id, ticket)
    if ticket.status is TicketStatus.CLOSED:
        raise TicketRuleError(f"{ticket.number} is closed; reopen it to add a note.")
    text = require_text(body, "A note needs some text.")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int)):
        raise TicketRuleError("Time spent is a whole number of minutes.")
    if minutes is not None and minutes <= 0:
        raise TicketRuleError("Time spent must be at least one minute; leave it empty if none.")
    if minutes is not None and minutes > MAX_NOTE_MINUTES:
        raise TicketRuleError(
            f"Time spent is at most {MAX_NOTE_MINUTES} minutes (a day) per note; "
            "log more in another note."
        )
    changes: dict[str, object] = {"time_spent_minutes": ticket.time_spent_minutes + (minutes or 0)}
    if public and ticket.first_response_at is None:
        changes["first_response_at"] = now
    new = touched(ticket, now, **changes)
    visibility = Visibility.PUBLIC if public else Visibility.INTERNAL
    # The minutes go on the event: the ticket's total is summed from its notes when read.
    extra = {"minutes": minutes} if minutes is not None else None
    note = event(
        EventKind.NOTE, actor_id, ticket, new, body=text, visibility=visibility, extra=extra
    )
    return Change(new, (note,))
