"""A helper on a ticket, and what one involvement of a team adds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from services.tickets import Change


class HelperTeam(Protocol):
    """What involving needs of a profile's team: its key, its name, the roles its people hold."""

    @property
    def key(self) -> str:
        """The team's id ("devops"), as `involve <ticket> devops` names it."""
        ...

    @property
    def label(self) -> str:
        """The team's name ("DevOps")."""
        ...

    @property
    def roles(self) -> tuple[str, ...]:
        """The roster roles whose holders are the team's people."""
        ...


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
