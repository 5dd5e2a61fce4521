"""What the `time` command says: an entry logged, a ticket's entries, Harvest's refusal."""

from __future__ import annotations

from services.profile import Profile
from services.tickets import Ticket
from services.tickets.rules import name_of
from services.time_entries import TimeEntry, spoken

DAY = "%a %d %b %Y"


def logged(entry: TimeEntry, ticket: Ticket, *, to_harvest: bool) -> str:
    """The answer to a logged entry: what, when, the ticket's total, and where it goes."""
    note = f" ({entry.note})" if entry.note else ""
    text = (
        f"Logged {spoken(entry.minutes)} on {ticket.number} for {entry.spent_date:{DAY}}{note}. "
        f"{ticket.number} has {spoken(ticket.time_spent_minutes)} worked in all."
    )
    return f"{text} It goes to Harvest shortly." if to_harvest else text


def entries_list(
    profile: Profile, ticket: Ticket, entries: list[TimeEntry], states: dict[int, str]
) -> str:
    """A ticket's entries, oldest first, each with where its Harvest copy stands."""
    if not entries:
        return (
            f"No time is logged on {ticket.number} with `time` yet: "
            f"`time {ticket.number} 45m call with customer` logs some."
        )
    lines = [f"Time on {ticket.number} ({spoken(ticket.time_spent_minutes)} worked in all):"]
    for entry in entries:
        note = f": {entry.note}" if entry.note else ""
        where = f" · {states[entry.id]}" if entry.id in states else ""
        who = name_of(profile, entry.person_id)
        lines.append(f"- {entry.spent_date:{DAY}} · {who} · {spoken(entry.minutes)}{note}{where}")
    return "\n".join(lines)


def harvest_refused(entry: TimeEntry, reason: str) -> str:
    """To the person whose entry Harvest refused: what, why in Harvest's words, and what now."""
    return (
        f"Harvest refused your {spoken(entry.minutes)} on {entry.ticket_number} "
        f"for {entry.spent_date:{DAY}}: {reason}. It is still logged here, on the ticket; "
        "enter it in Harvest by hand, or have the [harvest] project and task in the desk's "
        "profile fixed."
    )
