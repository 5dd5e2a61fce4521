"""Zendesk's side of a ticket merged into the working copy: what changed there, as events.

Pure: the caller reads both sides. Whatever equals the working copy is no change, so the
bot's own changes coming back from Zendesk (a webhook for an update it sent) change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.profile import Profile
from services.tickets.errors import TicketRuleError
from services.tickets.history import event, touched
from services.tickets.model import Change, EventKind, Ticket, TicketEvent, Visibility
from services.tickets.reopening import reopen_from_record
from services.tickets.statuses import DONE, TicketStatus, from_zendesk, to_zendesk

# Who the timeline says made a change in Zendesk's own UI.
ZENDESK_ACTOR = "Zendesk"
_REASON = 200  # the reply's words quoted as the reopen's reason


@dataclass(frozen=True)
class Reply:
    """A customer's public comment the working copy has not seen yet."""

    comment_id: int
    author: str
    body: str


@dataclass(frozen=True)
class Remote:
    """The ticket as Zendesk has it now, in the desk's terms."""

    status: str  # Zendesk's status
    priority: str | None  # one of the profile's priority keys; None: not one of ours
    assignee_id: str | None  # the roster person; None: nobody, or an agent not on the roster
    replies: tuple[Reply, ...] = ()


def merge(
    ticket: Ticket, remote: Remote, profile: Profile, now: datetime, *, settled: bool
) -> Change | None:
    """The change that brings `ticket` level with `remote`; None when they already agree.

    `settled`: no change of ours is still on its way to Zendesk. While one is, Zendesk shows
    what it had before it, so only the customer's replies are taken, never its fields.
    """
    events: list[TicketEvent] = []
    current = ticket
    if remote.replies and not current.is_open:
        first = remote.replies[0]
        reason = f"the customer answered in Zendesk: {_clip(first.body)}"
        current = _reopen(current, profile, now, reason, first.author, events)
    for reply in remote.replies:
        current = _note(current, reply, now, events)
    if settled:
        current = _fields(current, remote, profile, now, events)
    return Change(current, tuple(events)) if events else None


def _reopen(
    ticket: Ticket, profile: Profile, now: datetime, reason: str, by: str | None, events: list
) -> Ticket:
    try:
        change = reopen_from_record(ticket, profile, now, reason=reason, reported_by=by)
    except TicketRuleError:
        return ticket  # past the reopen window: the reply still lands on the timeline
    events.extend(change.events)
    return change.ticket


def _note(ticket: Ticket, reply: Reply, now: datetime, events: list) -> Ticket:
    new = touched(ticket, now)
    extra = {"zendesk_comment": reply.comment_id, "from": "customer"}
    events.append(
        event(
            EventKind.NOTE,
            reply.author,
            ticket,
            new,
            body=reply.body,
            visibility=Visibility.PUBLIC,
            extra=extra,
        )
    )
    return new


def _fields(ticket: Ticket, remote: Remote, profile: Profile, now: datetime, events: list):
    current = ticket
    if remote.priority and remote.priority != current.priority:
        new = touched(current, now, priority=remote.priority)
        events.append(event(EventKind.CLASSIFIED, ZENDESK_ACTOR, current, new))
        current = new
    if remote.assignee_id and remote.assignee_id != current.assignee_id:
        status = TicketStatus.ASSIGNED if current.status is TicketStatus.NEW else current.status
        new = touched(current, now, assignee_id=remote.assignee_id, status=status)
        events.append(event(EventKind.ASSIGNED, ZENDESK_ACTOR, current, new))
        current = new
    if to_zendesk(profile, current.status)[0] == remote.status:
        return current
    role = from_zendesk(profile, remote.status, None)
    if current.status in DONE and role not in DONE:
        return _reopen(current, profile, now, "reopened in Zendesk", None, events)
    stamps = {"resolved_at": now} if role is TicketStatus.RESOLVED else {}
    if role is TicketStatus.CLOSED:
        stamps = {"closed_at": now, "resolved_at": current.resolved_at or now}
    new = touched(current, now, status=role, **stamps)
    events.append(event(EventKind.STATUS_CHANGED, ZENDESK_ACTOR, current, new))
    return new


def _clip(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= _REASON else words[: _REASON - 1] + "…"
