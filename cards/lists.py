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

from cards.fit import TITLE, Linker, clip, no_link, shown_number
from cards.queue import QUEUE
from cards.render import card, heading, note, render
from cards.ticket import REFRESH
from services.profile import Profile
from services.tickets import Ticket
from services.tickets.rules import local_time, status_label
from services.tickets.titles import title as ticket_title

MAX_ROWS = 20  # a longer list is a report, not a to-do list; the card also stays small


def due_line(profile: Profile, ticket: Ticket, now: datetime) -> str:
    """The next unmet SLA deadline as the ticket stores it (pauses counted), or the pause."""
    if not ticket.is_open:
        return ""
    # The stored due times: settled on every save, so they already include every pause.
    deadlines = (
        ("Acknowledge by", ticket.acknowledged_at, ticket.ack_due_at),
        ("First response by", ticket.first_response_at, ticket.first_response_due_at),
        ("Resolve by", ticket.resolved_at, ticket.resolution_due_at),
    )
    unmet = [(label, due) for label, met, due in deadlines if met is None and due is not None]
    if not unmet:
        return ""
    if ticket.sla_paused_at is not None:
        # A paused due time stands still until the pause ends: showing it would mislead.
        return "SLA paused while waiting"
    label, due = min(unmet, key=lambda pair: pair[1])  # the one that comes next
    return _deadline(label, profile, due, now)


def _deadline(label: str, profile: Profile, due: datetime, now: datetime) -> str:
    late = " (overdue)" if due <= now else ""
    return f"{label} {local_time(profile, due)}{late}"


def _row(
    profile: Profile,
    ticket: Ticket,
    now: datetime,
    links: Linker,
    button: tuple[str, str] = ("Open", REFRESH),
) -> ColumnSet:
    details = [
        profile.priority(ticket.priority).label,
        status_label(profile, ticket.status),
        due_line(profile, ticket, now),
    ]
    text = Column(
        width="stretch",
        items=[
            TextBlock(
                text=f"{shown_number(ticket, links(ticket), bold=True)} · "
                f"{clip(ticket_title(ticket), TITLE)}",
                wrap=True,
            ),
            TextBlock(
                text=" · ".join(d for d in details if d),
                wrap=True,
                is_subtle=True,
                size="Small",
                spacing="None",
            ),
        ],
    )
    title, verb = button
    open_it = ExecuteAction(title=title, verb=verb, data={"number": ticket.number})
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
    button: tuple[str, str] = ("Open", REFRESH),
    links: Linker = no_link,
    also: tuple[str, Sequence[Ticket]] | None = None,
) -> dict:
    """A titled list of tickets in the order given (the repository's most urgent first);
    `button`: each row's (title, verb), Open unless the list is for one step; `also`: a second
    (title, tickets) list under it, left out when empty (`my tickets`' "Helping on")."""
    body: list[CardElement] = [heading(title)]
    if not tickets:
        body.append(note(empty))
    body.extend(_rows(profile, tickets, now, links, button))
    if also is not None and also[1]:
        body.append(TextBlock(text=also[0], weight="Bolder", spacing="Large", wrap=True))
        body.extend(_rows(profile, also[1], now, links, button))
    return render(card(body))


def _rows(
    profile: Profile,
    tickets: Sequence[Ticket],
    now: datetime,
    links: Linker,
    button: tuple[str, str],
) -> list[CardElement]:
    """A row per ticket, at most MAX_ROWS, and how many more there are."""
    rows: list[CardElement] = [
        _row(profile, ticket, now, links, button) for ticket in tickets[:MAX_ROWS]
    ]
    if len(tickets) > MAX_ROWS:
        rows.append(note(f"…and {len(tickets) - MAX_ROWS} more, less urgent than these."))
    return rows


def followed_card(
    profile: Profile,
    tickets: Sequence[Ticket],
    now: datetime,
    *,
    queue: int | None = None,
    links: Linker = no_link,
) -> dict:
    """`my tickets` with none assigned: the open tickets the person filed or acted on, and for
    triage (`queue` is how many wait there) where their own work is."""
    body: list[CardElement] = [heading("No open tickets are assigned to you")]
    if queue is not None:
        waiting = f"{queue} ticket{'' if queue == 1 else 's'} wait" if queue else None
        said = f"{waiting} in the queue for triage: `queue` lists them." if waiting else None
        body.append(note(said or "Nothing waits in the queue for triage.", subtle=False))
    if tickets:
        title = f"Open tickets you filed or acted on ({len(tickets)})"
        body.append(TextBlock(text=title, weight="Bolder", spacing="Large", wrap=True))
    body.extend(_row(profile, ticket, now, links) for ticket in tickets[:MAX_ROWS])
    if len(tickets) > MAX_ROWS:
        body.append(note(f"…and {len(tickets) - MAX_ROWS} more, less urgent than these."))
    show_queue = [ExecuteAction(title="Queue", verb=QUEUE)] if queue is not None else None
    return render(card(body, show_queue))
