"""Example renderings of process 5's order cards (cards.parts_orders)."""

from dataclasses import replace

from cards.parts_orders import order_status_card
from tests.cards.examples.parts_requests import PROFILE, QUOTED, SHIPPED

EXAMPLES = {
    "order_status_card": [
        lambda: order_status_card(PROFILE, QUOTED),
        lambda: order_status_card(PROFILE, SHIPPED, headline="Shipped. " * 30, nc_tape_head=True),
        lambda: order_status_card(PROFILE, replace(SHIPPED, request_number=None)),
    ],
}
