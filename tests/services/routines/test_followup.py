"""What the daily check flags on a ticket, and when an escalated ticket's update is due
(Kinetic: waiting on the customer 3+ business days, untouched 9+ business hours, an update
every business day). Business days are 08:00-17:00 Central, Monday to Friday."""

from datetime import UTC, datetime

from services.profile import load_profile
from services.routines.followup import Reason, follow_ups, update_due_since
from services.tickets import EventKind, TicketEvent, TicketStatus, Visibility
from tests.harness.domain import make_ticket

KINETIC = load_profile("kinetic")
MONDAY_9AM = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
THURSDAY_9AM = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)


def ticket(**changes):
    """A Kinetic ticket of Sam's, last touched Monday 09:00."""
    values = dict(
        number="KD-1001", profile="kinetic", priority="medium", assignee_id="sam",
        status=TicketStatus.IN_PROGRESS, status_changed_at=MONDAY_9AM, updated_at=MONDAY_9AM,
    )  # fmt: skip
    return make_ticket(**(values | changes))


def reasons(found) -> list[tuple[Reason, str]]:
    return [(f.reason, f.words) for f in found]


def test_waiting_on_the_customer_three_business_days_needs_chasing() -> None:
    waiting = ticket(status=TicketStatus.WAITING_ON_CUSTOMER)
    assert follow_ups(waiting, KINETIC, datetime(2026, 12, 3, 14, 0, tzinfo=UTC)) == []
    assert reasons(follow_ups(waiting, KINETIC, THURSDAY_9AM)) == [
        (Reason.WAITING, "waiting on the customer for 3.0 business days")
    ]


def test_an_open_ticket_nobody_touched_for_nine_business_hours_needs_a_look() -> None:
    assert follow_ups(ticket(), KINETIC, datetime(2026, 12, 1, 8, 59, tzinfo=UTC)) == []
    assert reasons(follow_ups(ticket(), KINETIC, datetime(2026, 12, 1, 15, 0, tzinfo=UTC))) == [
        (Reason.NO_UPDATE, "no update for 9 business hours")
    ]
    # Waiting on another team is no excuse: the specialist follows up with the team.
    with_team = ticket(status=TicketStatus.WAITING_ON_OTHER)
    assert reasons(follow_ups(with_team, KINETIC, THURSDAY_9AM))[0][0] is Reason.NO_UPDATE
    assert follow_ups(ticket(status=TicketStatus.RESOLVED), KINETIC, THURSDAY_9AM) == []


def test_an_escalated_customer_is_due_an_update_a_business_day_after_the_last_word() -> None:
    escalated = ticket(escalated=True)
    events = [
        TicketEvent(EventKind.STATUS_CHANGED, "sam", MONDAY_9AM, after={"escalated": True}),
    ]
    tuesday_8am = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    assert update_due_since(escalated, KINETIC, tuesday_8am, events) is None
    tuesday_9am = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    assert update_due_since(escalated, KINETIC, tuesday_9am, events) == MONDAY_9AM

    # The customer heard from the team on Tuesday at 09:00: the next update is due Wednesday.
    told = TicketEvent(
        EventKind.NOTE, "sam", tuesday_9am, visibility=Visibility.PUBLIC, body="News"
    )
    assert update_due_since(escalated, KINETIC, THURSDAY_9AM, [*events, told]) == tuesday_9am
    assert update_due_since(escalated, KINETIC, tuesday_9am, [*events, told]) is None
    assert update_due_since(ticket(), KINETIC, THURSDAY_9AM, events) is None, "not escalated"
    # A production ticket escalated on intake stays with its owner, and is due updates too.
    at_intake = [TicketEvent(EventKind.ESCALATED_AT_INTAKE, "system", MONDAY_9AM)]
    assert update_due_since(ticket(), KINETIC, tuesday_9am, at_intake) == MONDAY_9AM
    due = follow_ups(escalated, KINETIC, THURSDAY_9AM, tuesday_9am)
    assert reasons(due)[-1] == (
        Reason.UPDATE_DUE,
        "the customer is due a status update (2.0 business days)",
    )
