"""The queue: tickets to assign, then assigned ones not yet acknowledged, the most late first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from microsoft_teams.cards import ActionSet, CardElement, Container, ExecuteAction, TextBlock

from cards.deadlines import missed, most_late, overdue_block
from cards.fit import TITLE, Linker, clip, no_link, shown_number
from cards.render import card, heading, note, render
from services.profile import Profile
from services.tickets import Ticket
from services.tickets.rules import local_time, name_of

OPEN = "triage.open"  # a queue row's ticket as a new card; the queue stays
QUEUE = "triage.queue"  # the queue as it stands now
QUEUE_LIMIT = 20  # a longer list stops being a to-do list; the rest is counted


def _queue_item(profile: Profile, ticket: Ticket, now: datetime, links: Linker) -> Container:
    state = [profile.priority(ticket.priority).label]
    if ticket.assignee_id:
        state.append(f"{name_of(profile, ticket.assignee_id)} has it, not yet acknowledged")
    late = missed(profile, ticket, now)
    if ticket.sla_paused_at is not None:
        # The stored due time stands still while paused: the pause is what is true now.
        state.append("SLA paused while waiting")
    elif ticket.acknowledged_at is None and ticket.ack_due_at is not None and not late:
        state.append(f"acknowledge by {local_time(profile, ticket.ack_due_at)}")
    opener = ExecuteAction(title=f"Open {ticket.number}", verb=OPEN, data={"number": ticket.number})
    items: list[CardElement] = [
        TextBlock(
            text=f"{shown_number(ticket, links(ticket), bold=True)} · "
            f"{clip(ticket.subject, TITLE)}",
            wrap=True,
        ),
        TextBlock(text=" · ".join(state), wrap=True, size="Small", spacing="None"),
    ]
    lateness = overdue_block(late)
    if lateness is not None:
        lateness.spacing = "None"
        items.append(lateness)
    return Container(separator=True, items=[*items, ActionSet(actions=[opener])])


def _section(
    profile: Profile,
    title: str,
    tickets: Sequence[Ticket],
    now: datetime,
    room: int,
    links: Linker,
) -> list[CardElement]:
    """A titled part of the queue, most late first, then in the repository's urgency order."""
    if not tickets:
        return []
    # Running clocks before paused ones, as the repository orders them; ties keep its order.
    ordered = sorted(
        tickets, key=lambda t: (t.sla_paused_at is not None, -most_late(profile, t, now))
    )
    body: list[CardElement] = [
        TextBlock(text=f"{title} ({len(ordered)})", weight="Bolder", spacing="Large", wrap=True)
    ]
    body.extend(_queue_item(profile, t, now, links) for t in ordered[:room])
    if len(ordered) > room:
        body.append(note(f"…and {len(ordered) - room} more, less urgent."))
    return body


def queue_card(
    profile: Profile,
    tickets: Sequence[Ticket],
    now: datetime,
    *,
    outcome: str | None = None,
    links: Linker = no_link,
) -> dict:
    """What waits for triage: tickets to assign, then assigned ones not yet acknowledged; the
    most late first, each with a button that opens it as a card of its own."""
    if not tickets:
        clear = note("Every open ticket is acknowledged and assigned.")
        return render(card([heading("Queue is clear"), clear]))
    count = len(tickets)
    body: list[CardElement] = [heading(f"Queue: {count} ticket{'s' if count > 1 else ''} waiting")]
    if outcome:
        body.append(TextBlock(text=outcome, color="Good", wrap=True))
    to_assign = [t for t in tickets if not t.assignee_id]
    waiting = [t for t in tickets if t.assignee_id]
    body.extend(_section(profile, "To assign", to_assign, now, QUEUE_LIMIT, links))
    room = max(QUEUE_LIMIT - len(to_assign), 3)  # the assigned ones stay in sight
    assigned = "Assigned, waiting for acknowledgement"
    body.extend(_section(profile, assigned, waiting, now, room, links))
    refresh = ExecuteAction(title="Refresh", verb=QUEUE)
    return render(card(body, [refresh]))
