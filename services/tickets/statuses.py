"""The status roles' allowed moves, and how a role is stored as its Zendesk status.

The roles (TicketStatus) are the code's; which statuses a desk has, what they are called and
which Zendesk status each is, the profile says (services.profile.statuses). The moves are the
process's rule, so they stay here, over roles.
"""

from services.profile import Profile
from services.profile.statuses import DONE, TicketStatus

S = TicketStatus

__all__ = ["DONE", "OPEN", "TRANSITIONS", "TicketStatus", "can_move", "from_zendesk", "to_zendesk"]

# Roles of tickets still being worked or waited on: not resolved, not closed.
OPEN: tuple[TicketStatus, ...] = tuple(role for role in TicketStatus if role not in DONE)

# Every move a ticket may make. Entering and leaving ESCALATED belong to process 4 (engineering
# escalation): the ticket waits there for the engineering manager's answer.
# RESOLVED/CLOSED -> ASSIGNED/NEW is a reopen.
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    S.NEW: frozenset({S.ASSIGNED, S.RESOLVED}),
    S.ASSIGNED: frozenset(
        {
            S.ASSIGNED,
            S.IN_PROGRESS,
            S.ESCALATED,
            S.WAITING_ON_CUSTOMER,
            S.WAITING_ON_OTHER,
            S.RESOLVED,
        }
    ),
    S.IN_PROGRESS: frozenset(
        {S.ASSIGNED, S.ESCALATED, S.WAITING_ON_CUSTOMER, S.WAITING_ON_OTHER, S.RESOLVED}
    ),
    # Only the engineering manager's answer (accepted, or more information asked) leaves it.
    S.ESCALATED: frozenset({S.IN_PROGRESS}),
    S.WAITING_ON_CUSTOMER: frozenset({S.IN_PROGRESS, S.WAITING_ON_OTHER, S.RESOLVED, S.CLOSED}),
    S.WAITING_ON_OTHER: frozenset({S.IN_PROGRESS, S.WAITING_ON_CUSTOMER, S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.ASSIGNED, S.NEW}),
    S.CLOSED: frozenset({S.ASSIGNED, S.NEW}),
}


def to_zendesk(profile: Profile, role: TicketStatus) -> tuple[str, str]:
    """(status, substatus) stored for `role`: the profile's Zendesk status, and the role itself."""
    return profile.status_for(role).zendesk, TicketStatus(role).value


def from_zendesk(profile: Profile, status: str, substatus: str | None) -> TicketStatus:
    """The role of a ticket Zendesk reports as (status, substatus), e.g. from a sync."""
    # The substatus is the role when it names one the status can stand for. Otherwise (bare,
    # foreign, or contradicting the status after an edit in Zendesk) the status wins: the role
    # of the profile's first status mapped to it.
    matching = [s.role for s in profile.statuses if s.zendesk == status]
    if not matching:
        raise ValueError(f"{status!r} is not a Zendesk status the {profile.name} profile maps")
    return next((role for role in matching if role.value == substatus), matching[0])


def can_move(current: TicketStatus, target: TicketStatus) -> bool:
    """True if the state machine lets a ticket go from `current` to `target`."""
    return target in TRANSITIONS[current]
