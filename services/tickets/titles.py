"""A ticket's title: the subject the filer gave, else a clean one-line summary of what they said."""

from __future__ import annotations

import re

from services.tickets.model import Ticket

TITLE = 80  # characters: a summary reads as a title in a heading, a list row, a notification
_ELLIPSIS = "…"
# A sentence ends at . ! or ? followed by a space and a capital or digit ("E42. Jams" ends one;
# "approx. 5 min" and "v2.1" do not), so the summary is the caller's first statement.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def summary(text: str, limit: int = TITLE) -> str:
    """The first sentence of `text`'s first line, cut at a word with an ellipsis if too long."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    sentence = " ".join(_SENTENCE_END.split(" ".join(line.split()), maxsplit=1)[0].split())
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - len(_ELLIPSIS) + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else cut[:-1]  # one endless word: cut it, nothing better
    return cut.rstrip(" ,;:-") + _ELLIPSIS


def title(ticket: Ticket) -> str:
    """What a card calls the ticket: its subject, unless that was only the description cut short
    (tickets filed before the form had a subject), then the description's summary."""
    if ticket.description and _cut_from(ticket.subject, ticket.description):
        return summary(ticket.description)
    return ticket.subject


def _cut_from(subject: str, description: str) -> bool:
    """Whether `subject` is the description's first line as intake once stored it (whitespace
    folded, maybe cut anywhere and marked with an ellipsis)."""
    first = " ".join(next((ln for ln in description.splitlines() if ln.strip()), "").split())
    if subject == first:
        return True
    return subject.endswith(_ELLIPSIS) and first.startswith(subject[: -len(_ELLIPSIS)].rstrip())
