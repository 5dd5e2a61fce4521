"""A helper on a ticket, and what one involvement of a team adds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.tickets import Change


@dataclass(frozen=True)
class Helper:
    """Someone of a team pulled in on a ticket: who, under which team, by whom and when."""

    ticket_id: int
    team: str
    person_id: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class Involvement:
    """What involving a team changes: the ticket and its timeline entry, and the new helpers."""

    change: Change
    helpers: tuple[Helper, ...]
