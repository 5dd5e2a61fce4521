"""A message to the customer on its way: recorded when queued, its note once it went out.

Where the system of record sends messages from the sync queue (HubSpot's conversations), the
person or job that writes one records it as on its way (a MESSAGE_QUEUED event, internal, whose
`key` names it) in the transaction that queues it; the sync sender adds the customer-visible
note (customer_message.message_went_out, with the same key and the system's message id) once
the system took it. Only that note counts as sent: the close's warning, the update cadence and
the first response read notes, never a message still on its way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from services.profile import Profile
from services.tickets.customer_message import Purpose, may_write
from services.tickets.history import event, touched
from services.tickets.model import Change, EventKind, Ticket, TicketEvent
from services.tickets.rules import require_text


def message_key(ticket: Ticket, purpose: Purpose, now: datetime) -> str:
    """The name of one queued message: the ticket, why, and when it was queued."""
    return f"{ticket.number}:{purpose.value}:{now.isoformat()}"


def message_queued(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    text: str,
    *,
    purpose: Purpose,
    via: str,
) -> Change:
    """Record that `text` is on its way to the customer `via` the system (checked as a message
    is: whoever queues it works the ticket, and it is not closed)."""
    may_write(ticket, actor_id, profile)
    body = require_text(text, "A message to the customer needs some text.")
    new = touched(ticket, now)
    extra = {"purpose": purpose.value, "via": via, "key": message_key(ticket, purpose, now)}
    queued = event(EventKind.MESSAGE_QUEUED, actor_id, ticket, new, body=body, extra=extra)
    return Change(new, (queued,))


def on_its_way(
    events: Sequence[TicketEvent], purpose: Purpose, since: datetime | None = None
) -> bool:
    """Whether a message for `purpose` queued at or after `since` has no note yet: it is on its
    way, or handed to its owner because it could not go; a routine does not queue another."""
    sent = {(e.after or {}).get("key") for e in events if e.kind is EventKind.NOTE}
    return any(
        e.kind is EventKind.MESSAGE_QUEUED
        and (e.after or {}).get("purpose") == purpose.value
        and (since is None or e.at >= since)
        and (e.after or {}).get("key") not in sent
        for e in events
    )


def sent_with_key(events: Iterable[TicketEvent], key: str) -> TicketEvent | None:
    """The note recording that the queued message `key` went out, if it is recorded."""
    return next(
        (e for e in events if e.kind is EventKind.NOTE and (e.after or {}).get("key") == key),
        None,
    )
