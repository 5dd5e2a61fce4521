"""Ticket statuses: the roles the code knows, and the profile's own statuses that play them.

The code knows a small fixed set of status *roles* (TicketStatus): the workflow's moves, its
SLA and closure rules and every query are written over roles. A profile names its own statuses
(key and label, e.g. BestPack's "waiting_on_parts" / "Waiting on parts"), gives each one role,
and maps it to its system of record's status. One status per role; a profile need not use
every role, but needs those in REQUIRED_ROLES.

The mapping is one key per system of record on each status: `zendesk` (one of Zendesk's six
statuses) and `hubspot` (the id of a stage of the [hubspot] pipeline, needed when HubSpot is
the system of record); per-system keys let a profile move between systems by adding a key, and
each key is checked against what that system accepts. The bot's tickets table stores the role (in
`substatus`) and the mapped status (in `status`), so a rename in the profile moves no rows.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from services.profile.base import Frozen, Slug, Text
from services.profile.hubspot import RecordId


class TicketStatus(StrEnum):
    """A status role: where a ticket is in the support process, whatever the profile calls it."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    ESCALATED = "escalated"
    WAITING_ON_CUSTOMER = "waiting_on_customer"
    WAITING_ON_OTHER = "waiting_on_other"  # on parts, on another team, on a vendor
    RESOLVED = "resolved"
    CLOSED = "closed"


# A ticket is filed, assigned, resolved and closed on every desk; the other roles are optional.
REQUIRED_ROLES: tuple[TicketStatus, ...] = (
    TicketStatus.NEW,
    TicketStatus.ASSIGNED,
    TicketStatus.RESOLVED,
    TicketStatus.CLOSED,
)
# Roles in which the team is done with the ticket (until a reopen).
DONE: frozenset[TicketStatus] = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})

ZendeskStatus = Literal["new", "open", "pending", "hold", "solved", "closed"]
# Zendesk's statuses of tickets it considers finished: a done role maps to one of them, and
# only a done role does, or Zendesk's views and ours would disagree on what is open.
ZENDESK_DONE: frozenset[str] = frozenset({"solved", "closed"})


class Status(Frozen):
    """A status the team uses: its own key and label, the role it plays, its record's status."""

    key: Slug
    label: Text
    role: TicketStatus
    zendesk: ZendeskStatus
    # The HubSpot pipeline stage's id (checked against the account at start-up).
    hubspot: RecordId | None = None
