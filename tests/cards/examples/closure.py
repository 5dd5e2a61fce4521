"""Example renderings of the closure cards, and the ticket card with every closure form on it."""

from dataclasses import replace
from datetime import timedelta

from cards.closure import (
    CLOSURE_FIELDS,
    close_card,
    closure_card,
    confirm_form,
    reopen_form,
    reopened_card,
)
from cards.ticket import note_form, status_form, ticket_card
from services.profile import load_profile
from services.tickets import EventKind, TicketEvent, TicketStatus
from tests.cards.examples.ticket import AT, EVENTS, TICKET

PROFILE = load_profile("bestpack")
LONG = "The infeed photo-eye was misaligned after the film roll change. " * 60
RESOLVED = replace(TICKET, status=TicketStatus.RESOLVED, resolved_at=AT)
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
    "closure_card": [
        lambda: closure_card(PROFILE, TICKET),
        lambda: closure_card(
            PROFILE,
            TICKET,
            {"summary": LONG, "confirmation": "confirmed", "kb_article": "true"},
            {spec.id: f"{spec.label} is wrong in a long way. " * 5 for spec in CLOSURE_FIELDS}
            | {"": "BP-1001 changed while you were looking at it."},
        ),
    ],
    "close_card": [lambda: close_card(RESOLVED)],
    "reopened_card": [
        lambda: reopened_card(PROFILE, REOPENED, CUSTOMER_REPORT),
        lambda: reopened_card(PROFILE, replace(REOPENED, assignee_id=None), STAFF_REOPEN),
    ],
    "ticket_card": [
        lambda: ticket_card(
            PROFILE,
            TICKET,
            EVENTS,
            [note_form("BP-1001"), status_form(PROFILE, "BP-1001", "assigned")],
            headline="Assigned to you",
        ),
        lambda: ticket_card(
            PROFILE,
            RESOLVED,
            EVENTS,
            [note_form("BP-1001"), confirm_form("BP-1001"), reopen_form("BP-1001")],
        ),
    ],
}
