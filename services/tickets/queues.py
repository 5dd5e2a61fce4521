"""Which tickets the bot's queues show, most urgent first."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, and_, case, or_, select

from services.db.schema import ticket_events, tickets
from services.profile import Profile
from services.tickets.statuses import OPEN, TicketStatus


def in_roles(roles: Iterable[TicketStatus | str]) -> ColumnElement[bool]:
    """Tickets in any of these status roles (stored in `substatus`)."""
    return tickets.c.substatus.in_(sorted(TicketStatus(role).value for role in roles))


def unsolved(profile: Profile) -> ColumnElement[bool]:
    """The profile's tickets that are neither resolved nor closed (waiting ones included)."""
    return and_(tickets.c.profile == profile.name, in_roles(OPEN))


def followed_by(person_id: str) -> ColumnElement[bool]:
    """Tickets someone filed or acted on (a note, triage, an assignment) but is not assigned."""
    acted_on = select(ticket_events.c.ticket_id).where(ticket_events.c.actor_id == person_id)
    return and_(
        or_(tickets.c.requester_id == person_id, tickets.c.id.in_(acted_on)),
        or_(tickets.c.assignee_id.is_(None), tickets.c.assignee_id != person_id),
    )


def most_urgent_first(profile: Profile) -> list[Any]:
    """ORDER BY for queues: the SLA deadline that is running out first comes first.

    Tickets still awaiting acknowledgement lead, earliest ack_due_at first (the one deadline
    stored); then tickets whose SLA clock runs before those paused while waiting; then by
    priority rank; then oldest first.
    """
    awaiting_ack = tickets.c.acknowledged_at.is_(None)
    ranks = {priority.key: priority.rank for priority in profile.priorities}
    paused = in_roles(profile.paused_roles)
    return [
        case((awaiting_ack, 0), else_=1),
        case((awaiting_ack, tickets.c.ack_due_at), else_=None).asc().nulls_last(),
        case((paused, 1), else_=0),
        case(ranks, value=tickets.c.priority, else_=max(ranks.values()) + 1),
        tickets.c.created_at,
        tickets.c.id,
    ]
