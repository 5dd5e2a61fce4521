"""Lists of tickets (`my tickets`, queues): one row per ticket, most urgent first, each openable."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from microsoft_teams.cards import (
    ActionSet,
    CardElement,
    Column,
    ColumnSet,
    ExecuteAction,
    TextBlock,
)

from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from services.profile import Profile
from services.tickets import Ticket
from services.tickets.rules import business_clock, local_time, status_label

MAX_ROWS = 20  # a longer list is a report, not a to-do list; the card also stays small


def due_line(profile: Profile, ticket: Ticket, now: datetime) -> str:
    """The SLA deadline that comes next: acknowledgement, then first response; or a pause."""
    if ticket.acknowledged_at is None and ticket.ack_due_at is not None:
        return _deadline("Acknowledge by", profile, ticket.ack_due_at, now)
    if profile.clock_paused(ticket.status):
        return "SLA paused while waiting"
    if ticket.first_response_at is None:
        minutes = profile.sla_target(ticket.priority).first_response
        due = business_clock(profile).add(ticket.created_at, minutes)
        return _deadline("First response by", profile, due, now)
    return ""


def _deadline(label: str, profile: Profile, due: datetime, now: datetime) -> str:
    late = " (overdue)" if due <= now else ""
    return f"{label} {local_time(profile, due)}{late}"


def _row(profile: Profile, ticket: Ticket, now: datetime) -> ColumnSet:
    details = [
        profile.priority(ticket.priority).label,
        status_label(profile, ticket.status),
        due_line(profile, ticket, now),
    ]
    text = Column(
        width="stretch",
        items=[
            TextBlock(text=f"**{ticket.number}** · {ticket.subject}", wrap=True),
            TextBlock(
                text=" · ".join(d for d in details if d),
                wrap=True,
                is_subtle=True,
                size="Small",
                spacing="None",
            ),
        ],
    )
    open_it = ExecuteAction(title="Open", verb=REFRESH, data={"number": ticket.number})
    button = Column(
        width="auto", vertical_content_alignment="Center", items=[ActionSet(actions=[open_it])]
    )
    return ColumnSet(columns=[text, button], separator=True, spacing="Medium")


def ticket_list_card(
    profile: Profile,
    title: str,
    tickets: Sequence[Ticket],
    now: datetime,
    *,
    empty: str = "Nothing here.",
) -> dict:
    """A titled list of tickets in the order given (the repository's most urgent first)."""
    body: list[CardElement] = [heading(title)]
    if not tickets:
        body.append(note(empty))
    body.extend(_row(profile, ticket, now) for ticket in tickets[:MAX_ROWS])
    if len(tickets) > MAX_ROWS:
        body.append(note(f"…and {len(tickets) - MAX_ROWS} more, less urgent than these."))
    return render(card(body))
