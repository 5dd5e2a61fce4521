"""Process 3's card inputs, and the page a `history` command names."""

from __future__ import annotations

import re
from typing import Any

from pydantic import field_validator

from bot.turn import Turn
from dialogs.shared.tickets import TicketRef, ticket_number
from services.forms.bounds import PAGES, Key, LongText, Minutes, Page, Reason
from services.numbers import parse_zendesk_ref

_PAGE = re.compile(r"^(.*\S)\s+(\d{1,5})$")  # "BP-1001 3": the ticket, then the page


class NoteInputs(TicketRef):
    """The Add note form: the note, whether the customer sees it, minutes spent."""

    body: LongText = ""
    public: bool = False
    minutes: Minutes | None = None

    @field_validator("minutes", mode="before")
    @classmethod
    def _no_time(cls, value: Any) -> Any:
        # An emptied or zeroed number input means "no time logged", not a mistake.
        return None if value in (None, "", 0, "0") else value


class StatusInputs(TicketRef):
    """The Status form: the new working status and, optionally, why."""

    status: Key = ""
    status_note: Reason | None = None


class HistoryInputs(TicketRef):
    """A page of the ticket's whole timeline (1 is the newest)."""

    page: Page = 1


def history_args(turn: Turn, args: str) -> tuple[str, int]:
    """`history <ticket> [page]` → the ticket as typed and the page (the newest unless named)."""
    text = args.strip()
    paged = _PAGE.match(text)
    # "bp 1001" and "zendesk 4711" are tickets, "bp-1001 2" and "ZD-4711 2" name a page
    if paged and ticket_number(turn, text) is None and parse_zendesk_ref(text) is None:
        return paged.group(1), min(int(paged.group(2)), PAGES)
    return text, 1
