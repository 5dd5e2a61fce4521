"""The scorecard's SLA clock stops in the roles of the profile's paused statuses."""

from datetime import timedelta

import pytest

from services.scorecard.measures import SlaClock
from services.sla import BusinessClock
from services.tickets import TicketStatus
from tests.harness.domain import BESTPACK, MONDAY_9AM

HOUR = timedelta(hours=1)


@pytest.mark.parametrize(
    ("waiting", "running"),
    [
        (TicketStatus.WAITING_ON_OTHER, 120),  # BestPack's "waiting_on_parts" pauses
        (TicketStatus.WAITING_ON_CUSTOMER, 120),
        (TicketStatus.ESCALATED, 240),
    ],
)
def test_time_in_a_paused_status_is_left_out_by_its_role(
    waiting: TicketStatus, running: float
) -> None:
    clock = SlaClock.of(BESTPACK, BusinessClock(BESTPACK.business_hours))
    # As the timeline records them: role values.
    changes = [
        (MONDAY_9AM, TicketStatus.IN_PROGRESS.value),
        (MONDAY_9AM + HOUR, waiting.value),
        (MONDAY_9AM + 3 * HOUR, TicketStatus.IN_PROGRESS.value),
    ]
    assert clock.running(MONDAY_9AM, MONDAY_9AM + 4 * HOUR, changes) == running
