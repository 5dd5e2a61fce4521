"""A ticket's whole timeline, a page at a time: the ticket card shows only the newest entries.

Pages are filled up to a size rather than a count, so short notes share a page and a long one
is shown whole, and no page, whatever the notes hold, comes near Teams' card limit.
"""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import CardElement, ExecuteAction

from cards.fit import FULL, RecordLink, clip, size, subject
from cards.render import card, heading, note, render
from cards.ticket import HISTORY, REFRESH, entry_line
from services.tickets import Ticket

PAGE_BYTES = 18 * 1024  # the entries of one page; headings and buttons take the rest
PAGE_MOST = 25  # entries on one page, however short


def history_pages(lines: Sequence[str]) -> list[list[str]]:
    """The timeline lines (oldest first) in pages: the newest page first, each oldest first."""
    pages: list[list[str]] = []
    page: list[str] = []
    used = 0
    for line in reversed(lines):
        shown = clip(line, FULL)
        cost = size(shown) + 80  # the TextBlock around it
        if page and (used + cost > PAGE_BYTES or len(page) == PAGE_MOST):
            pages.append(page[::-1])
            page, used = [], 0
        page.append(shown)
        used += cost
    if page:
        pages.append(page[::-1])
    return pages


def _button(title: str, number: str, page: int) -> ExecuteAction:
    return ExecuteAction(title=title, verb=HISTORY, data={"number": number, "page": page})


def history_card(
    ticket: Ticket, lines: Sequence[str], page: int = 1, link: RecordLink | None = None
) -> dict:
    """Page `page` (1 is the newest; past the last, the last) of the ticket's timeline."""
    pages = history_pages(lines)
    page = max(1, min(page, len(pages)))
    body: list[CardElement] = [heading(f"Timeline of {subject(ticket, link)}")]
    if not pages:
        body.append(note("Nothing has happened to this ticket yet."))
        return render(card(body, [_back(ticket)]))
    shown = pages[page - 1]
    last = len(lines) - sum(len(p) for p in pages[: page - 1])
    first = last - len(shown) + 1
    body.append(
        note(f"Page {page} of {len(pages)}: entries {first:,} to {last:,} of {len(lines):,}.")
    )
    body.extend(entry_line(line) for line in shown)
    actions = []
    if page < len(pages):
        actions.append(_button("Older", ticket.number, page + 1))
    if page > 1:
        actions.append(_button("Newer", ticket.number, page - 1))
    return render(card(body, [*actions, _back(ticket)]))


def _back(ticket: Ticket) -> ExecuteAction:
    return ExecuteAction(title="Back to the ticket", verb=REFRESH, data={"number": ticket.number})
