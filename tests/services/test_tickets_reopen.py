"""Process 8 without a database: reopening a fix that did not hold, within the policy's window."""

from datetime import timedelta
from typing import Any

import pytest

from services.tickets import EventKind, ReopenSource, TicketRuleError, TicketStatus
from services.tickets.workflow import reopen
from tests.harness.domain import (
    BESTPACK,
    MONDAY_9AM,
    assigned_to,
    bestpack_variant,
    closed_by,
    resolved_by,
    weekdays_later,
)

S = TicketStatus


def test_a_reopen_goes_back_to_the_assignee_counts_and_says_who_and_why() -> None:
    later = MONDAY_9AM + timedelta(days=1)
    ticket, events = reopen(resolved_by("kevin"), "mary", BESTPACK, later, reason=" Jams again ")

    assert (ticket.status, ticket.assignee_id, ticket.reopen_count) == (S.ASSIGNED, "kevin", 1)
    assert (ticket.resolved_at, ticket.status_changed_at) == (None, later)
    (event,) = events
    assert (event.kind, event.actor_id, event.body) == (EventKind.REOPENED, "mary", "Jams again")
    assert event.after == {
        "status": "assigned",
        "resolved_at": None,
        "reopen_count": 1,
        "source": "staff",
    }


def test_a_customer_report_names_who_reported_it() -> None:
    ticket = closed_by("kevin", reopen_count=1)
    with pytest.raises(TicketRuleError, match="Say who at the customer reported that BP-1001"):
        reopen(ticket, "mary", BESTPACK, MONDAY_9AM, reason="Still jams", source="customer_report")

    reopened, events = reopen(
        ticket,
        "mary",
        BESTPACK,
        MONDAY_9AM,
        reason="Still jams after 200 cases",
        source=ReopenSource.CUSTOMER_REPORT,
        reported_by="Jane Roe (Acme), by phone",
    )
    assert (reopened.reopen_count, reopened.closed_at) == (2, None)
    assert events[0].after["source"] == "customer_report"
    assert events[0].after["reported_by"] == "Jane Roe (Acme), by phone"


def test_a_ticket_nobody_was_assigned_reopens_as_new() -> None:
    ticket = resolved_by("kevin", assignee_id=None)
    assert (
        reopen(ticket, "mary", BESTPACK, MONDAY_9AM, reason="Wrong answer").ticket.status is S.NEW
    )


@pytest.mark.parametrize(
    ("ticket", "kwargs", "message"),
    [
        (assigned_to("kevin"), {"reason": "Why not"}, "BP-1001 is Assigned, not resolved or"),
        (resolved_by("kevin"), {"reason": " "}, "Say why BP-1001 is being reopened."),
        (resolved_by("kevin"), {"reason": "x", "source": "rumour"}, "'rumour' is not a reason"),
    ],
)
def test_a_reopen_needs_a_reason_and_a_finished_ticket(
    ticket: Any, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(TicketRuleError, match=message):
        reopen(ticket, "mary", BESTPACK, MONDAY_9AM, **kwargs)


def test_a_closed_ticket_reopens_within_ten_business_days_only() -> None:
    ticket = closed_by("kevin")
    assert reopen(ticket, "mary", BESTPACK, weekdays_later(10), reason="Back").ticket.reopen_count
    just_past = weekdays_later(10) + timedelta(minutes=1)
    with pytest.raises(TicketRuleError) as refused:
        reopen(ticket, "mary", BESTPACK, just_past, reason="Back")
    assert refused.value.message == (
        "BP-1001 was closed 10.1 business days ago, past the 10-day reopen window; "
        "open a new ticket that links BP-1001 instead."
    )


def test_a_reopen_window_of_zero_sets_no_limit() -> None:
    def no_window(data: dict[str, Any]) -> None:
        data["closure"]["reopen_window_business_days"] = 0

    change = reopen(
        closed_by("kevin"), "mary", bestpack_variant(no_window), weekdays_later(40), reason="Back"
    )
    assert change.ticket.status is S.ASSIGNED
