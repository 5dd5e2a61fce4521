"""The summary of notices held for someone until they opened the app: one card, not a burst."""

from __future__ import annotations

from dataclasses import dataclass

from microsoft_teams.cards import Container, ExecuteAction, TextBlock

from cards.render import card, heading, note, render
from cards.ticket import REFRESH


@dataclass(frozen=True, slots=True)
class HeldLine:
    """One held notice that still applies: what it said, and its ticket as it stands now."""

    title: str
    now: str | None = None  # the ticket's current state, for a ticket's notice
    number: str | None = None  # its ticket: the row opens the ticket card


def held_summary_card(lines: list[HeldLine], dropped: int = 0) -> dict:
    """Each held notice that still applies, as it stands; how many no longer did."""
    count = "1 notice" if len(lines) == 1 else f"{len(lines)} notices"
    body = [heading(f"While you were away: {count} for you")]
    for line in lines:
        items = [TextBlock(text=line.title, wrap=True, weight="Bolder")]
        if line.now:
            items.append(TextBlock(text=line.now, wrap=True, spacing="None", is_subtle=True))
        opens = None
        if line.number:
            opens = ExecuteAction(title="Open ticket", verb=REFRESH, data={"number": line.number})
        body.append(Container(items=items, separator=True, select_action=opens))
    if dropped:
        what = "notice was" if dropped == 1 else "notices were"
        body.append(note(f"{dropped} more {what} no longer true and left out."))
    return render(card(body))
