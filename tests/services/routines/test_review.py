"""The weekly queue review's figures: counts by status and owner, the oldest, the still ones."""

from datetime import UTC, datetime

from services.profile import load_profile
from services.routines.review import OLDEST, review_of
from services.tickets import TicketStatus
from tests.harness.domain import make_ticket

KINETIC = load_profile("kinetic")
MONDAY_9AM = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)  # Monday 7 Dec 2026, 09:00 Central


def ticket(number: int, created: datetime, updated: datetime, **changes):
    return make_ticket(
        id=number, number=f"KD-{number}", profile="kinetic", priority="medium",
        created_at=created, updated_at=updated, **changes,
    )  # fmt: skip


def test_the_review_counts_by_status_and_owner_and_names_the_oldest_and_still_ones() -> None:
    two_weeks = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    last_week = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
    friday = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
    tickets = [
        ticket(1001, two_weeks, two_weeks, status=TicketStatus.WAITING_ON_CUSTOMER,
               assignee_id="sam"),
        ticket(1002, two_weeks, friday, status=TicketStatus.IN_PROGRESS, assignee_id="sam"),
        ticket(1003, last_week, last_week, status=TicketStatus.IN_PROGRESS, assignee_id="riley"),
        ticket(1004, friday, friday, status=TicketStatus.NEW),
    ]  # fmt: skip
    review = review_of(KINETIC, tickets, MONDAY_9AM)

    assert review.total == 4
    assert review.by_status == [("New", 1), ("Waiting on us", 2), ("Waiting on contact", 1)]
    assert review.by_owner == [("Sam", 2), ("Riley", 1), ("Unassigned", 1)]
    assert [a.ticket.number for a in review.oldest] == ["KD-1001", "KD-1002", "KD-1003", "KD-1004"]
    # Thanksgiving (26 Nov) is no business day: two calendar weeks are nine business days.
    assert round(review.oldest[0].days, 2) == 9.0
    assert [(a.ticket.number, round(a.days, 2)) for a in review.still] == [
        ("KD-1001", 9.0),
        ("KD-1003", 5.0),
    ]
    assert review.still_count == 2


def test_a_long_queue_names_only_the_oldest_few() -> None:
    day = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
    many = [ticket(1000 + i, day, day) for i in range(OLDEST + 3)]
    assert len(review_of(KINETIC, many, MONDAY_9AM).oldest) == OLDEST
