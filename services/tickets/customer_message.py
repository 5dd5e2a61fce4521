"""A message the team sent a customer, on the ticket's timeline: what it was for and how it went.

It is a customer-visible note (the first one is the ticket's first response) whose `after`
says why it was written and who sent it: the desk itself through the system of record, or a
person who sent the text the desk gave them ("Sent it"). The routines read these back: the
closing warning starts the close's countdown, a status update restarts the update cadence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from services.profile import Profile
from services.tickets.errors import TicketRuleError
from services.tickets.history import event, touched
from services.tickets.model import (
    SYSTEM_ACTOR,
    Change,
    EventKind,
    Ticket,
    TicketEvent,
    Visibility,
)
from services.tickets.rules import require_text, require_worker
from services.tickets.statuses import TicketStatus


class Purpose(StrEnum):
    """Why the team wrote to the customer."""

    CLOSE_WARNING = "close_warning"  # "we will close this in N days unless you reply"
    STATUS_UPDATE = "status_update"  # an escalated ticket's regular news
    DOCUMENTATION = "documentation"  # an article that answers the question

    @property
    def done(self) -> str:
        """What was done, for the timeline: "warned the customer ..." after the actor."""
        return {
            Purpose.CLOSE_WARNING: "warned the customer that it closes without a reply",
            Purpose.STATUS_UPDATE: "sent the customer a status update",
            Purpose.DOCUMENTATION: "answered the customer with an article",
        }[self]


BY_HAND = "sent by hand"  # `via` of a message a person sent themselves and confirmed


def customer_message(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    text: str,
    *,
    purpose: Purpose,
    via: str,
    reference: str | None = None,
) -> Change:
    """Record that `text` went to the customer `via` a channel (words: "the HubSpot
    conversation", or BY_HAND); by the desk (SYSTEM_ACTOR) or whoever works the ticket.
    `reference` is the message's id in the system that sent it, if it gave one."""
    may_write(ticket, actor_id, profile)
    return message_went_out(ticket, actor_id, now, text, purpose=purpose, via=via, ref=reference)


def message_went_out(
    ticket: Ticket,
    actor_id: str,
    now: datetime,
    text: str,
    *,
    purpose: Purpose,
    via: str,
    ref: str | None = None,
    key: str | None = None,
) -> Change:
    """The customer-visible note of a message that went out, unchecked: the sync queue records
    one it sent after whoever queued it may have stopped working the ticket. `key`: the queued
    message's (services.tickets.queued_message)."""
    body = require_text(text, "A message to the customer needs some text.")
    changes = {"first_response_at": now} if ticket.first_response_at is None else {}
    new = touched(ticket, now, **changes)
    extra = {"purpose": purpose.value, "via": via}
    if ref:
        extra["message_id"] = ref
    if key:
        extra["key"] = key
    sent = event(
        EventKind.NOTE, actor_id, ticket, new, body=body, visibility=Visibility.PUBLIC, extra=extra
    )
    return Change(new, (sent,))


def may_write(ticket: Ticket, actor_id: str, profile: Profile) -> None:
    """Refuse, in words, a message from someone who does not work the ticket, or to a closed
    ticket's customer (checked before anything is sent, and again when it is recorded)."""
    if actor_id != SYSTEM_ACTOR:
        require_worker(profile, actor_id, ticket, "write to the customer of")
    if ticket.status is TicketStatus.CLOSED:
        raise TicketRuleError(f"{ticket.number} is closed; reopen it to write to the customer.")


def last_sent(
    events: Iterable[TicketEvent], purpose: Purpose, since: datetime | None = None
) -> datetime | None:
    """When the latest message for `purpose` went out (at or after `since`), if one did."""
    times = [
        e.at
        for e in events
        if e.kind is EventKind.NOTE
        and (e.after or {}).get("purpose") == purpose.value
        and (since is None or e.at >= since)
    ]
    return max(times, default=None)


def last_customer_message(events: Iterable[TicketEvent]) -> datetime | None:
    """When the team last wrote to the customer (any customer-visible note)."""
    times = [e.at for e in events if e.kind is EventKind.NOTE and e.visibility is Visibility.PUBLIC]
    return max(times, default=None)


def escalated_at(events: Iterable[TicketEvent]) -> datetime | None:
    """When the ticket last became escalated: to Engineering (an event turning `escalated`
    true), or on intake by a profile rule; None when it never was."""
    times = [
        e.at
        for e in events
        if (e.after or {}).get("escalated") is True or e.kind is EventKind.ESCALATED_AT_INTAKE
    ]
    return max(times, default=None)


def fill(text: str, ticket: Ticket, **more: object) -> str:
    """A profile's text with the ticket's {number}, {subject} and {company} (and `more`)."""
    values = {
        "number": ticket.number,
        "subject": ticket.subject,
        "company": ticket.company or "your company",
        **{key: str(value) for key, value in more.items()},
    }
    # The profile's placeholders were checked at load time against these very names.
    return text.format_map(values)
