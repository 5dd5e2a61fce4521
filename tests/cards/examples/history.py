"""Example renderings of a ticket's whole timeline, a page at a time."""

from cards.history import history_card
from tests.cards.examples.ticket import TICKET

LINES = [
    f"Fri 20 Nov 2026 08:{i % 60:02d} PST · Jordan added a note: " + "x" * 4000 for i in range(60)
]

EXAMPLES = {
    "history_card": [
        lambda: history_card(TICKET, []),
        lambda: history_card(TICKET, LINES[:3]),
        lambda: history_card(TICKET, LINES, 2),
        lambda: history_card(TICKET, ["Näher: 日本語 " * 800] * 30, 99),
    ],
}
