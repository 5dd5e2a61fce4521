"""Example renderings of process 5's order cards (cards.parts_orders)."""

from dataclasses import replace

from cards.parts_orders import order_status_card
from services.parts import OrderStatus
from tests.cards.examples.parts_requests import LONGEST, PROFILE, QUOTED, SHIPPED

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
    ],
}
