"""Example renderings of the queue card: clear, one late ticket, a long queue of both kinds."""

from dataclasses import replace
from datetime import timedelta

from cards.queue import queue_card
from services.tickets import TicketStatus
from tests.cards.examples.ticket import AT
from tests.cards.examples.triage import NEW, PROFILE

QUEUE = [replace(NEW, id=i, number=f"BP-{1000 + i}", subject="Jams " * 20) for i in range(30)]
QUEUE[1] = replace(QUEUE[1], status=TicketStatus.WAITING_ON_CUSTOMER, sla_paused_at=AT)
QUEUE[2] = replace(QUEUE[2], assignee_id=PROFILE.roster[1].id)

EXAMPLES = {
    "queue_card": [
        lambda: queue_card(PROFILE, [], AT),
        lambda: queue_card(PROFILE, QUEUE[:1], AT + timedelta(hours=2)),
        lambda: queue_card(PROFILE, QUEUE, AT),
        lambda: queue_card(
            PROFILE, QUEUE, AT + timedelta(days=3), outcome="BP-1002 is open below."
        ),
    ],
}
