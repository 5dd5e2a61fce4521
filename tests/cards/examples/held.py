"""Example renderings of the held-notices summary: tickets' notices, a plain one, some dropped."""

from cards.held import HeldLine, held_summary_card

LINES = [
    HeldLine(
        "SLA breached: BP-1001 acknowledgement and first response are late",
        "Now: In progress · Kevin",
        "BP-1001",
    ),
    HeldLine("New ticket BP-1002: Wrapper film tears", "Now: New · nobody yet", "BP-1002"),
    HeldLine("Please call the customer"),
]

EXAMPLES = {
    "held_summary_card": [
        lambda: held_summary_card(LINES),
        lambda: held_summary_card(LINES[:1], dropped=3),
    ],
}
