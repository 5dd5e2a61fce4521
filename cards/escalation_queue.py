"""The engineering manager's `escalations`: the handoffs waiting for their answer, oldest first,
each with Accept and assign."""

from __future__ import annotations

from collections.abc import Sequence

from microsoft_teams.cards import (
    ActionSet,
    CardElement,
    Column,
    ColumnSet,
    ExecuteAction,
    TextBlock,
)

from cards.fit import TITLE, Linker, clip, no_link, shown_number
from cards.render import card, heading, note, render
from services.escalations import Escalation
from services.profile import Profile
from services.tickets import Ticket
from services.tickets.rules import local_time, name_of

ESCALATION_REVIEW = "escalation.review"  # a queue row's review card, to accept or ask for more
MAX_ROWS = 20  # as cards.lists: a longer list is a report, and the card stays small


def _row(profile: Profile, ticket: Ticket, escalation: Escalation, links: Linker) -> ColumnSet:
    details = [
        f"Handed off by {name_of(profile, escalation.requested_by)}",
        f"{local_time(profile, escalation.requested_at)}",
        f"Urgency {profile.priority(escalation.handoff.urgency).label}",
    ]
    text = Column(
        width="stretch",
        items=[
            TextBlock(
                text=f"{shown_number(ticket, links(ticket), bold=True)} · "
                f"{clip(ticket.subject, TITLE)}",
                wrap=True,
            ),
            TextBlock(
                text=" · ".join(details), wrap=True, is_subtle=True, size="Small", spacing="None"
            ),
        ],
    )
    review = ExecuteAction(
        title="Accept and assign", verb=ESCALATION_REVIEW, data={"number": ticket.number}
    )
    button = Column(
        width="auto", vertical_content_alignment="Center", items=[ActionSet(actions=[review])]
    )
    return ColumnSet(columns=[text, button], separator=True, spacing="Medium")


def escalations_card(
    profile: Profile, waiting: Sequence[tuple[Ticket, Escalation]], links: Linker = no_link
) -> dict:
    """The handoffs waiting for the engineering manager, oldest first."""
    count = len(waiting)
    title = f"Escalations waiting for you ({count})" if count else "No escalations wait for you"
    body: list[CardElement] = [heading(title)]
    if not waiting:
        body.append(note("A handoff to Engineering arrives here and in your chat."))
    body.extend(
        _row(profile, ticket, escalation, links) for ticket, escalation in waiting[:MAX_ROWS]
    )
    if count > MAX_ROWS:
        body.append(note(f"…and {count - MAX_ROWS} more, newer than these."))
    return render(card(body))
