"""Workflow statuses, how each is stored as a Zendesk status + substatus, and the allowed moves."""

from enum import StrEnum


class TicketStatus(StrEnum):
    """Where a ticket is in the support process (the keys of the profile's `statuses`)."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    ESCALATED = "escalated"
    WAITING_ON_CUSTOMER = "waiting_on_customer"
    WAITING_ON_PARTS = "waiting_on_parts"
    RESOLVED = "resolved"
    CLOSED = "closed"


S = TicketStatus

# Zendesk's six statuses; every workflow status maps onto exactly one of them.
ZENDESK_STATUS: dict[TicketStatus, str] = {
    S.NEW: "new",
    S.ASSIGNED: "open",
    S.IN_PROGRESS: "open",
    S.ESCALATED: "open",
    S.WAITING_ON_CUSTOMER: "pending",
    S.WAITING_ON_PARTS: "hold",
    S.RESOLVED: "solved",
    S.CLOSED: "closed",
}

# What a Zendesk status means when it arrives without a substatus we know (a ticket from a sync).
_FROM_BARE_ZENDESK: dict[str, TicketStatus] = {
    "new": S.NEW,
    "open": S.ASSIGNED,
    "pending": S.WAITING_ON_CUSTOMER,
    "hold": S.WAITING_ON_PARTS,
    "solved": S.RESOLVED,
    "closed": S.CLOSED,
}

_KEYS = frozenset(status.value for status in TicketStatus)

# Zendesk statuses of tickets still being worked or waited on: not solved, not closed.
UNSOLVED_ZENDESK: tuple[str, ...] = ("new", "open", "pending", "hold")

# Every move a ticket may make. Entering ESCALATED belongs to process 4 (engineering escalation);
# leaving it is part of troubleshooting. RESOLVED/CLOSED -> ASSIGNED/NEW is a reopen.
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    S.NEW: frozenset({S.ASSIGNED, S.RESOLVED}),
    S.ASSIGNED: frozenset(
        {
            S.ASSIGNED,
            S.IN_PROGRESS,
            S.ESCALATED,
            S.WAITING_ON_CUSTOMER,
            S.WAITING_ON_PARTS,
            S.RESOLVED,
        }
    ),
    S.IN_PROGRESS: frozenset(
        {S.ASSIGNED, S.ESCALATED, S.WAITING_ON_CUSTOMER, S.WAITING_ON_PARTS, S.RESOLVED}
    ),
    S.ESCALATED: frozenset({S.IN_PROGRESS, S.WAITING_ON_CUSTOMER, S.WAITING_ON_PARTS, S.RESOLVED}),
    S.WAITING_ON_CUSTOMER: frozenset({S.IN_PROGRESS, S.WAITING_ON_PARTS, S.RESOLVED, S.CLOSED}),
    S.WAITING_ON_PARTS: frozenset({S.IN_PROGRESS, S.WAITING_ON_CUSTOMER, S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.ASSIGNED, S.NEW}),
    S.CLOSED: frozenset({S.ASSIGNED, S.NEW}),
}

# Statuses in which the team is done with the ticket (until a reopen).
DONE: frozenset[TicketStatus] = frozenset({S.RESOLVED, S.CLOSED})


def to_zendesk(status: TicketStatus) -> tuple[str, str | None]:
    """The (status, substatus) pair stored for a workflow status; substatus is None if redundant."""
    zendesk = ZENDESK_STATUS[status]
    return zendesk, (None if zendesk == status.value else status.value)


def from_zendesk(status: str, substatus: str | None) -> TicketStatus:
    """The workflow status stored as (status, substatus); a bare Zendesk status gets its default."""
    if substatus in _KEYS:
        candidate = TicketStatus(substatus)
        # A substatus that contradicts the status (edited in Zendesk) loses to the status.
        if ZENDESK_STATUS[candidate] == status:
            return candidate
    try:
        return _FROM_BARE_ZENDESK[status]
    except KeyError:
        raise ValueError(f"{status!r} is not a Zendesk ticket status") from None


def can_move(current: TicketStatus, target: TicketStatus) -> bool:
    """True if the state machine lets a ticket go from `current` to `target`."""
    return target in TRANSITIONS[current]
