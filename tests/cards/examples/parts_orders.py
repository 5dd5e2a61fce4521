"""Example renderings of process 5's order cards (cards.parts_orders)."""

from dataclasses import replace
from datetime import date

from cards.parts_orders import order_status_card
from services.parts import OrderSource, OrderStatus
from tests.cards.examples.parts_requests import LONGEST, PROFILE, QUOTED, SHIPPED

IN_NETSUITE = OrderSource(
    "NetSuite",
    "Pending Billing/Partially Fulfilled",
    "https://1234567.app.netsuite.com/app/accounting/transactions/salesord.nl?id=8812",
    date(2026, 3, 2),
)
ONLY_IN_NETSUITE = replace(
    SHIPPED, quote_number="", lines=(), lead_time="", request_number=None, source=IN_NETSUITE
)

EXAMPLES = {
    "order_status_card": [
        lambda: order_status_card(PROFILE, QUOTED),
        lambda: order_status_card(PROFILE, SHIPPED, headline="Shipped. " * 30, nc_tape_head=True),
        lambda: order_status_card(PROFILE, replace(SHIPPED, request_number=None)),
        lambda: order_status_card(
            PROFILE,
            replace(SHIPPED, status=OrderStatus.ORDERED, lines=LONGEST),
            moves=(OrderStatus.SHIPPED,),
        ),
        lambda: order_status_card(PROFILE, SHIPPED, moves=(OrderStatus.DELIVERED,)),
        # With NetSuite as the order system: its word beside the desk's, only its, or silence.
        lambda: order_status_card(PROFILE, replace(SHIPPED, source=IN_NETSUITE)),
        lambda: order_status_card(PROFILE, ONLY_IN_NETSUITE),
        lambda: order_status_card(
            PROFILE,
            replace(SHIPPED, source=OrderSource("NetSuite", note="NetSuite did not answer.")),
        ),
    ],
}
