"""A ticket's machine history in two lines, for the triage and ticket cards.

The first line counts the other tickets on the serial in the last 90 days and names a repeat of
the ticket's issue type; the second says the warranty or service contract status, or that the
installed base does not know the serial.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from services.bp_search.model import TicketLine
from services.bp_search.wording import ago, day
from services.installed_base import Machine
from services.profile import Profile
from services.tickets import Ticket

WINDOW = timedelta(days=90)
NAMED = 3  # tickets named on the first line; the rest are counted


@dataclass(frozen=True)
class MachineHistory:
    """The two lines, and whether the same issue type came back on this serial."""

    tickets: str
    coverage: str
    repeat: bool = False

    @property
    def lines(self) -> tuple[str, str]:
        """Both lines, tickets first."""
        return self.tickets, self.coverage


def _issue(profile: Profile, key: str | None) -> str:
    try:
        return profile.issue_type(key).label if key else "the same issue"
    except KeyError:
        return key or "the same issue"


def tickets_line(profile: Profile, ticket: Ticket, others: list[TicketLine]) -> tuple[str, bool]:
    """The first line from the other tickets on the serial in the window, and whether one
    repeats the ticket's issue type."""
    serial = ticket.serial_number or ""
    if not others:
        return f"No other ticket on {serial} in the last 90 days.", False
    count = len(others)
    named = ", ".join(t.number for t in others[-NAMED:])
    more = f" and {count - NAMED} more" if count > NAMED else ""
    noun = "ticket" if count == 1 else "tickets"
    line = f"{count} other {noun} on {serial} in the last 90 days: {named}{more}."
    same = [t for t in others if ticket.issue_type and t.issue_type == ticket.issue_type]
    if not same:
        return line, False
    last = same[-1]
    label = _issue(profile, ticket.issue_type)
    return f"{line} Repeat: {label} also on {last.number} ({day(last.opened_at)}).", True


def coverage_line(
    machine: Machine | None,
    serial: str,
    source: str,
    now: datetime,
    *,
    unavailable: bool = False,
    shown_from: datetime | None = None,
) -> str:
    """The second line: warranty or contract status, or why it is unknown."""
    if machine is None and unavailable:
        return f"{source} is unavailable: warranty and contract status unknown."
    if machine is None:
        return f"{serial} not found in {source}."
    today = now.date()
    covered = machine.covered_on(today)
    if covered == "warranty" and machine.warranty_end is not None:
        line = f"Under warranty until {day(machine.warranty_end)}."
    elif covered == "contract" and machine.contract_end is not None:
        line = f"Service contract until {day(machine.contract_end)}."
    else:
        ended = [d for d in (machine.warranty_end, machine.contract_end) if d is not None]
        line = (
            f"Not covered: warranty and contract ended {day(max(ended))}."
            if ended
            else f"No warranty or service contract in {source}."
        )
    if unavailable and shown_from is not None:
        line += f" ({source} is unavailable; from {ago(shown_from, now)}.)"
    return line


def window_start(now: datetime) -> datetime:
    """Where the 90 days begin."""
    return now - WINDOW
