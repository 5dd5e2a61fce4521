"""Stored text cut to fit a card: Teams refuses bot messages over about 100 KB and message
extension cards over 28 KB, and a ticket's notes, description or handoff can be longer than
one card should carry.

Sizes are bytes of the card's JSON, not characters, so text in any script (escaped as \\uXXXX,
six bytes a character) or full of line breaks stays within them too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from services.tickets import Ticket
from services.tickets.titles import title

CARD_LIMIT = 28 * 1024  # the tighter of Teams' limits: every card fits wherever it is shown
TITLE = 300  # a ticket's subject in a heading or a list row
FACT = 300  # one fact's value (company, contact, machine…)
ENTRY = 500  # one timeline entry on a card that shows the latest few
DESCRIPTION = 1500  # a ticket's description, or a reason, on a card about the whole ticket
SECTION = 800  # a long value in a part of the ticket card (the escalation's root cause…)
FULL = 4400  # a field shown in full (a handoff's symptoms): 4,000 plain characters fit
_ELLIPSIS = "…"


def size(value: Any) -> int:
    """Bytes `value` takes in a card's JSON (as json.dumps writes it, non-ASCII escaped)."""
    return len(json.dumps(value).encode())


def _width(char: str) -> int:
    return len(json.dumps(char)) - 2


def clip(text: str, limit: int) -> str:
    """`text` cut to take at most `limit` bytes of JSON, at a word boundary when one is near,
    and marked with an ellipsis when cut."""
    if size(text) - 2 <= limit:
        return text
    room, used, end = limit - _width(_ELLIPSIS), 0, 0
    for char in text:
        used += _width(char)
        if used > room:
            break
        end += 1
    cut = text[:end]
    space = cut.rfind(" ")
    if space > end * 3 // 4:  # a word boundary near the end reads better than half a word
        cut = cut[:space]
    return cut.rstrip() + _ELLIPSIS


@dataclass(frozen=True)
class RecordLink:
    """The ticket in its system of record: "Zendesk #4711" and the agent view's address."""

    label: str
    url: str


Linker = Callable[[Ticket], "RecordLink | None"]


def no_link(ticket: Ticket) -> RecordLink | None:
    """No system of record but the bot's own database: its number is the only one."""
    return None


def shown_number(ticket: Ticket, link: RecordLink | None = None, *, bold: bool = False) -> str:
    """ "BP-1001", or "BP-1001 · Zendesk #4711" linking to the ticket there."""
    return linked_number(f"**{ticket.number}**" if bold else ticket.number, link)


def linked_number(number: str | None, link: RecordLink | None) -> str:
    """A ticket named by its number alone (a request's ticket), with its link when known."""
    if not number:
        return ""
    return number if link is None else f"{number} · [{link.label}]({link.url})"


def subject(ticket: Ticket, link: RecordLink | None = None) -> str:
    """The ticket as a heading names it, "BP-1001 · Sealer stops": its title, cut to fit."""
    return f"{shown_number(ticket, link)} · {clip(title(ticket), TITLE)}"


def fact_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(label, value) pairs with each value cut to a fact's size."""
    return [(label, clip(value, FACT)) for label, value in pairs]
