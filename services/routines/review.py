"""The weekly queue review: the open tickets by status and owner, the oldest, the still ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from services.profile import Profile
from services.tickets.model import Ticket
from services.tickets.rules import business_days_between, name_of, status_label
from services.tickets.statuses import OPEN

if TYPE_CHECKING:
    from services.app_services import AppServices

OLDEST = 5  # the oldest tickets named: the review's question is "why are these still open?"
STILL = 10  # tickets without movement named; more are counted


@dataclass(frozen=True)
class Aged:
    """A ticket and how many business days something has lasted (open, or without movement)."""

    ticket: Ticket
    days: float


@dataclass(frozen=True)
class QueueReview:
    """The open queue at `at`: counts by status and by owner, the oldest and the still ones."""

    at: datetime
    total: int
    by_status: list[tuple[str, int]]  # the profile's status labels, in the profile's order
    by_owner: list[tuple[str, int]]  # names (and "Unassigned"), most tickets first
    oldest: list[Aged]
    still: list[Aged]  # untouched for the profile's no_movement_business_days, stillest first
    still_count: int


async def queue_review(services: AppServices, now: datetime) -> QueueReview:
    """The review of the profile's open tickets as they stand at `now`."""
    tickets = await services.tickets.with_status(OPEN)
    return review_of(services.profile, tickets, now)


def review_of(profile: Profile, tickets: Sequence[Ticket], now: datetime) -> QueueReview:
    """The review of these open tickets at `now`."""
    review = profile.routines.weekly_review
    quiet_days = review.no_movement_business_days if review else 5
    statuses = Counter(t.status for t in tickets)
    by_status = [
        (status.label, statuses[status.role])
        for status in profile.statuses
        if statuses[status.role]
    ]
    owners = Counter(
        name_of(profile, t.assignee_id) if t.assignee_id else "Unassigned" for t in tickets
    )
    by_owner = sorted(owners.items(), key=lambda pair: (-pair[1], pair[0]))
    ages = sorted(
        (Aged(t, business_days_between(profile, t.created_at, now)) for t in tickets),
        key=lambda aged: (-aged.days, aged.ticket.id),
    )
    untouched = (Aged(t, business_days_between(profile, t.updated_at, now)) for t in tickets)
    still = sorted(
        (aged for aged in untouched if aged.days >= quiet_days),
        key=lambda aged: (-aged.days, aged.ticket.id),
    )
    return QueueReview(
        at=now,
        total=len(tickets),
        by_status=by_status,
        by_owner=by_owner,
        oldest=ages[:OLDEST],
        still=still[:STILL],
        still_count=len(still),
    )


def status_words(profile: Profile, ticket: Ticket) -> str:
    """The ticket's status and owner in a few words: "Waiting on contact · Sam"."""
    owner = name_of(profile, ticket.assignee_id) if ticket.assignee_id else "unassigned"
    return f"{status_label(profile, ticket.status)} · {owner}"
