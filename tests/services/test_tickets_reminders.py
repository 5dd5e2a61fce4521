"""Which closure reminder a silent resolved ticket is due: the profile's days, counted as the
silent close counts them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.tickets import TicketStatus
from services.tickets.reminders import reminder_due
from tests.harness.domain import (
    BESTPACK,
    MONDAY_9AM,
    assigned_to,
    bestpack_variant,
    closed_by,
    resolved_by,
    weekdays_later,
)

RESOLVED = resolved_by("kevin")


@pytest.mark.parametrize(
    ("at", "due"),
    [
        (weekdays_later(1), None),
        (weekdays_later(2) - timedelta(minutes=1), None),
        (weekdays_later(2), 2),
        (weekdays_later(3), 2),
        (weekdays_later(4), 4),  # the latest only: after downtime one nudge, not a backlog
        (weekdays_later(5), 4),
    ],
)
def test_the_latest_reminder_reached_by_business_days_of_silence(at, due):
    assert reminder_due(RESOLVED, BESTPACK, at) == due


def test_a_weekend_is_not_silence():
    friday = weekdays_later(4)
    ticket = resolved_by("kevin", friday)
    assert reminder_due(ticket, BESTPACK, friday + timedelta(days=3)) is None  # Monday: 1 day
    assert reminder_due(ticket, BESTPACK, friday + timedelta(days=4)) == 2  # Tuesday: 2 days


@pytest.mark.parametrize(
    "ticket",
    [
        closed_by("kevin"),  # confirmed or closed by silence: nothing left to chase
        assigned_to("kevin", status_changed_at=MONDAY_9AM),  # reopened or back in work
        # Waiting on the customer without a resolution: chasing them is the work itself.
        assigned_to("kevin", status=TicketStatus.WAITING_ON_CUSTOMER, status_changed_at=MONDAY_9AM),
    ],
    ids=["closed", "in work", "waiting, not resolved"],
)
def test_only_a_resolved_ticket_awaiting_its_customer_is_reminded(ticket):
    assert reminder_due(ticket, BESTPACK, weekdays_later(4)) is None


def test_a_profile_without_reminders_has_none_due():
    quiet = bestpack_variant(lambda data: data["closure"].update(reminder_after_business_days=[]))
    assert reminder_due(RESOLVED, quiet, weekdays_later(4)) is None
