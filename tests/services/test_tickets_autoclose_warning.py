"""The silent close on a desk that warns its customers first (Kinetic: warned after 7 silent
business days, closed 3 after the warning went out), and BestPack's close left as it was."""

from datetime import UTC, datetime

import pytest

from services.profile import load_profile
from services.tickets import EventKind, TicketRuleError, TicketStatus
from services.tickets.closure import auto_close, auto_close_refusal
from services.tickets.customer_message import Purpose, customer_message, last_sent
from services.tickets.describe import describe
from tests.harness.domain import make_ticket

KINETIC = load_profile("kinetic")
# Monday 30 Nov 2026 09:00 Central; each Kinetic business day is 9 hours, Mon-Fri.
WAITING_SINCE = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
WARNED = datetime(2026, 12, 9, 15, 0, tzinfo=UTC)  # 7 business days later
THREE_DAYS_ON = datetime(2026, 12, 14, 15, 0, tzinfo=UTC)
TICKET = make_ticket(
    number="KD-1001",
    profile="kinetic",
    priority="medium",
    status=TicketStatus.WAITING_ON_CUSTOMER,
    status_changed_at=WAITING_SINCE,
    updated_at=WAITING_SINCE,
    assignee_id="sam",
)


def test_without_the_warning_a_silent_ticket_does_not_close() -> None:
    assert auto_close_refusal(TICKET, KINETIC, THREE_DAYS_ON) == (
        "KD-1001 cannot close by itself before the customer was warned."
    )
    # A warning from before the current wait began (the customer answered since) is no warning.
    earlier = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
    assert auto_close_refusal(TICKET, KINETIC, THREE_DAYS_ON, earlier) is not None


def test_it_closes_three_business_days_after_the_warning_unresolved_and_for_no_answer() -> None:
    just_short = datetime(2026, 12, 14, 14, 0, tzinfo=UTC)
    assert auto_close_refusal(TICKET, KINETIC, just_short, WARNED) == (
        "KD-1001 was warned 2.8 of the 3 business days before it closes."
    )
    change = auto_close(TICKET, KINETIC, THREE_DAYS_ON, WARNED)
    closed = change.ticket
    assert (closed.status, closed.closed_at, closed.resolved_at) == (
        TicketStatus.CLOSED,
        THREE_DAYS_ON,
        THREE_DAYS_ON,
    )
    [closing] = change.events  # closed, and no "resolved" event: nobody fixed anything
    assert closing.kind is EventKind.CLOSED
    assert closing.after["closed_because"] == "no_answer"
    assert describe(KINETIC, closing) == (
        "The desk closed it: no answer from the customer in 10.0 business days"
    )


def test_an_escalated_unresolved_ticket_waits_for_its_owner() -> None:
    escalated = make_ticket(**{**TICKET.__dict__, "escalated": True})
    refusal = auto_close_refusal(escalated, KINETIC, THREE_DAYS_ON, WARNED)
    assert refusal is not None and "closes it with the RCCA" in refusal
    with pytest.raises(TicketRuleError):
        auto_close(escalated, KINETIC, THREE_DAYS_ON, WARNED)


def test_the_warning_is_found_on_the_timeline_only_since_the_wait_began() -> None:
    sent = customer_message(
        TICKET, "sam", KINETIC, WARNED, "We will close it.",
        purpose=Purpose.CLOSE_WARNING, via="sent by hand",
    )  # fmt: skip
    [note] = sent.events
    assert sent.ticket.first_response_at == WARNED  # its first customer-visible word
    assert last_sent([note], Purpose.CLOSE_WARNING, WAITING_SINCE) == WARNED
    assert last_sent([note], Purpose.CLOSE_WARNING, THREE_DAYS_ON) is None
    assert last_sent([note], Purpose.STATUS_UPDATE) is None


def test_only_whoever_works_the_ticket_writes_to_its_customer() -> None:
    with pytest.raises(TicketRuleError, match=r"Only the assignee \(Sam\) or someone who may"):
        customer_message(
            TICKET, "devon", KINETIC, WARNED, "Hi", purpose=Purpose.STATUS_UPDATE, via="x"
        )
    closed = make_ticket(**{**TICKET.__dict__, "status": TicketStatus.CLOSED})
    with pytest.raises(TicketRuleError, match="reopen it to write to the customer"):
        customer_message(
            closed, "sam", KINETIC, WARNED, "Hi", purpose=Purpose.STATUS_UPDATE, via="x"
        )


def test_bestpack_still_closes_resolved_tickets_after_five_silent_days_without_a_warning() -> None:
    bestpack = load_profile("bestpack")
    resolved = make_ticket(
        status=TicketStatus.RESOLVED, resolved_at=WAITING_SINCE, status_changed_at=WAITING_SINCE
    )
    assert auto_close_refusal(resolved, bestpack, THREE_DAYS_ON) is None
    unresolved = make_ticket(
        status=TicketStatus.WAITING_ON_CUSTOMER, status_changed_at=WAITING_SINCE
    )
    assert "no resolution summary" in (
        auto_close_refusal(unresolved, bestpack, THREE_DAYS_ON) or ""
    )
