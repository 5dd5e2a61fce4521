"""The machine's history on the triage and ticket cards: two lines under the ticket's facts, the
first in red when the same issue type came back on this serial, so triage sees it at once."""

from __future__ import annotations

from microsoft_teams.cards import CardElement, Container, TextBlock

from cards.fit import ENTRY, clip
from services.bp_search import MachineHistory


def machine_history_block(history: MachineHistory | None) -> list[CardElement]:
    """The "Machine history" title and its two lines; none for a ticket without a serial."""
    if history is None:
        return []
    first = TextBlock(
        text=clip(history.tickets, ENTRY),
        wrap=True,
        size="Small",
        spacing="None",
        color="Attention" if history.repeat else None,
        weight="Bolder" if history.repeat else None,
    )
    second = TextBlock(text=clip(history.coverage, ENTRY), wrap=True, size="Small", spacing="None")
    title = TextBlock(text="Machine history", weight="Bolder", size="Small", spacing="Small")
    return [Container(items=[title, first, second])]
