"""Example renderings of the help card."""

from cards.help import HelpEntry, help_card

LONG = "Conveyor jams at the infeed when the film roll changes. " * 20

EXAMPLES = {
    "help_card": [
        lambda: help_card(
            "Hi Mary.",
            [HelpEntry(f"cmd{i} <n>", LONG[:120], f"cmd{i}") for i in range(30)],
            on_roster=True,
        ),
        lambda: help_card("Hello!", [HelpEntry("help", "Show help")], on_roster=False),
    ],
}
