"""Example renderings of the closure cards, and the ticket card with every closure form on it."""

from dataclasses import replace

from cards.closure import CLOSURE_FIELDS, close_card, closure_card, confirm_form, reminder_card
from cards.reopen import reopen_form
from cards.ticket import note_form, status_form, ticket_card
from services.profile import load_profile
from services.tickets import TicketStatus
from tests.cards.examples.ticket import AT, EVENTS, TICKET

PROFILE = load_profile("bestpack")
LONG = "The infeed photo-eye was misaligned after the film roll change. " * 60
RESOLVED = replace(TICKET, status=TicketStatus.RESOLVED, resolved_at=AT)
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
        lambda: closure_card(  # an escalated ticket without its RCCA
            PROFILE,
            replace(TICKET, escalated=True),
            {"summary": LONG, "root_cause": LONG, "confirmed_by": "Dana"},
            {"root_cause": "BP-1001 was escalated to Engineering, so it cannot be resolved. " * 4},
            rcca_missing=True,
        ),
    ],
    "close_card": [
        lambda: close_card(RESOLVED),
        lambda: close_card(replace(RESOLVED, contact_name=LONG)),
    ],
    "reminder_card": [
        lambda: reminder_card(PROFILE, RESOLVED, 2),
        lambda: reminder_card(
            PROFILE,
            replace(RESOLVED, subject=LONG, company=LONG, contact_name=LONG, contact_email=LONG),
            4,
        ),
        lambda: reminder_card(
            PROFILE, replace(RESOLVED, company=None, contact_name=None, contact_phone=None), 2
        ),
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
            [note_form("BP-1001"), confirm_form("BP-1001", LONG), reopen_form("BP-1001")],
        ),
    ],
}
