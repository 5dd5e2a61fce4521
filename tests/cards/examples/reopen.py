"""Example renderings of the reopen notice (the Reopen form is on the closure examples' card)."""

from dataclasses import replace
from datetime import timedelta

from cards.reopen import reopened_card
from services.profile import load_profile
from services.tickets import EventKind, TicketEvent
from tests.cards.examples.ticket import AT, TICKET

PROFILE = load_profile("bestpack")
REOPENED = replace(TICKET, reopen_count=3)
CUSTOMER_REPORT = TicketEvent(
    EventKind.REOPENED,
    "allison",
    AT + timedelta(days=2),
    body="Jams again after 200 cases. " * 20,
    after={
        "status": "assigned",
        "reopen_count": 3,
        "source": "customer_report",
        "reported_by": "Dana",
    },
)
STAFF_REOPEN = replace(CUSTOMER_REPORT, body="Fix did not hold", after={"source": "staff"})

EXAMPLES = {
    "reopened_card": [
        lambda: reopened_card(PROFILE, REOPENED, CUSTOMER_REPORT),
        lambda: reopened_card(PROFILE, replace(REOPENED, assignee_id=None), STAFF_REOPEN),
    ],
}
