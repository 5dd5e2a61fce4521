"""Example renderings of ticket lists: empty, a few tickets in every state, and an overflow."""

from dataclasses import replace
from datetime import timedelta

from cards.fit import RecordLink
from cards.lists import MAX_ROWS, followed_card, ticket_list_card
from services.profile import load_profile
from services.tickets import TicketStatus
from tests.cards.examples.ticket import AT, TICKET

PROFILE = load_profile("bestpack")
LATER = AT + timedelta(days=1)
VARIETY = [
    TICKET,
    replace(TICKET, number="BP-1002", acknowledged_at=AT, subject="Sealer alarm 204 " * 14),
    replace(TICKET, number="BP-1003", acknowledged_at=AT, first_response_at=AT),
    replace(
        TICKET,
        number="BP-1004",
        acknowledged_at=AT,
        status=TicketStatus.WAITING_ON_OTHER,
        sla_paused_at=AT,
        first_response_due_at=AT + timedelta(hours=1),
    ),
    replace(
        TICKET,
        number="BP-1005",
        acknowledged_at=AT,
        first_response_at=AT,
        resolution_due_at=AT + timedelta(hours=12),
    ),
]
MANY = [replace(TICKET, number=f"BP-{1100 + i}") for i in range(MAX_ROWS + 15)]

EXAMPLES = {
    "ticket_list_card": [
        lambda: ticket_list_card(PROFILE, "Your open tickets (0)", [], LATER, empty="None."),
        lambda: ticket_list_card(PROFILE, "Your open tickets (5)", VARIETY, LATER),
        lambda: ticket_list_card(PROFILE, "Queue", MANY, AT),
        lambda: ticket_list_card(
            PROFILE,
            "Your open tickets (5)",
            VARIETY,
            LATER,
            links=lambda t: RecordLink(
                f"Zendesk #{t.id}", f"https://x.zendesk.com/agent/tickets/{t.id}"
            ),
        ),
    ],
    "followed_card": [
        lambda: followed_card(PROFILE, [], LATER),
        lambda: followed_card(PROFILE, VARIETY, LATER, queue=0),
        lambda: followed_card(PROFILE, MANY, AT, queue=35),
    ],
}
