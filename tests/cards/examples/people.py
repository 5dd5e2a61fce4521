"""Example renderings of the whoami card."""

from cards.people import CallerView, whoami_card

EXAMPLES = {
    "whoami_card": [
        lambda: whoami_card(CallerView("Pat", "29:pat", None)),
        lambda: whoami_card(
            CallerView(
                "Kevin",
                "29:k",
                "5e1f6a0c-1111-4222-8333-944455556666",
                "Kevin",
                "Controls Engineer",
                "kevin@bestpack.example",
                ("Engineer",),
                ("PLC",),
                ("work_tickets",),
            )
        ),
    ],
}
