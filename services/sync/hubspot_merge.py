"""HubSpot's side of a ticket merged into the working copy: what changed there, as events.

Pure: the caller reads both sides. Whatever equals the working copy is no change, so the bot's
own changes coming back from HubSpot (a webhook for a stage move it sent) change nothing. A
stage the profile does not map (an admin's new one) and an owner not on the roster are left
alone: the working copy keeps what it knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.profile import Profile
from services.sync.hubspot.translate import hubspot_stage, role_of_stage
from services.sync.hubspot_parties import Parties
from services.tickets.errors import TicketRuleError
from services.tickets.history import event, touched
from services.tickets.model import Change, EventKind, Ticket, TicketEvent
from services.tickets.reopening import reopen_from_record
from services.tickets.statuses import DONE, TicketStatus

# Who the timeline says made a change in HubSpot's own UI (or filed a ticket from an e-mail).
HUBSPOT_ACTOR = "HubSpot"


@dataclass(frozen=True)
class Remote:
    """The ticket as HubSpot has it now, in the desk's terms."""

    stage: str | None  # hs_pipeline_stage
    priority: str | None  # one of the profile's priority keys; None: not one it maps
    assignee_id: str | None  # the roster person owning it; None: nobody, or not on the roster
    # The contact and company HubSpot associates with it, read only when its associations
    # changed (an e-mail's ticket associated after its creation event was sent).
    parties: Parties | None = None


def merge(
    ticket: Ticket, remote: Remote, profile: Profile, now: datetime, *, settled: bool
) -> Change | None:
    """The change that brings `ticket` level with `remote`; None when they already agree.

    `settled`: no change of ours is still on its way to HubSpot. While one is, HubSpot shows
    what it had before it, so its fields are not taken.
    """
    if not settled:
        return None
    events: list[TicketEvent] = []
    current = ticket
    if remote.priority and remote.priority != current.priority:
        new = touched(current, now, priority=remote.priority)
        events.append(event(EventKind.CLASSIFIED, HUBSPOT_ACTOR, current, new))
        current = new
    if remote.assignee_id and remote.assignee_id != current.assignee_id:
        status = TicketStatus.ASSIGNED if current.status is TicketStatus.NEW else current.status
        new = touched(current, now, assignee_id=remote.assignee_id, status=status)
        events.append(event(EventKind.ASSIGNED, HUBSPOT_ACTOR, current, new))
        current = new
    current = _stage(current, remote, profile, now, events)
    current = _parties(current, remote.parties, now, events)
    return Change(current, tuple(events)) if events else None


def _parties(ticket: Ticket, parties: Parties | None, now: datetime, events: list) -> Ticket:
    """Fill the contact and company the working copy lacks (what staff typed is kept)."""
    if not parties:
        return ticket
    blanks = {
        name: value
        for name in ("contact_name", "contact_email", "contact_phone", "company")
        if getattr(ticket, name) is None and (value := getattr(parties, name))
    }
    if not blanks:
        return ticket
    new = touched(ticket, now, **blanks)
    body = f"HubSpot associates it with {Parties(**blanks).words() or 'a contact'}"
    events.append(event(EventKind.NOTE, HUBSPOT_ACTOR, ticket, new, body=body, extra=blanks))
    return new


def _stage(ticket: Ticket, remote: Remote, profile: Profile, now: datetime, events: list) -> Ticket:
    """The status role of HubSpot's stage, when it is another stage than the working copy's."""
    if remote.stage is None or remote.stage == hubspot_stage(profile, ticket.status):
        return ticket
    role = role_of_stage(profile, remote.stage)
    if role is None:
        return ticket
    if role is TicketStatus.NEW and ticket.status not in DONE:
        # An owner set in HubSpot leaves the stage at New: the desk counts it taken all the
        # same, and only a reopen brings a ticket back to New.
        return ticket
    if ticket.status in DONE and role not in DONE:
        try:
            change = reopen_from_record(
                ticket, profile, now, reason="reopened in HubSpot", reported_by=None
            )
        except TicketRuleError:
            return ticket  # past the reopen window: the working copy stays done
        events.extend(change.events)
        return change.ticket
    stamps = {"resolved_at": now} if role is TicketStatus.RESOLVED else {}
    if role is TicketStatus.CLOSED:
        stamps = {"closed_at": now, "resolved_at": ticket.resolved_at or now}
    new = touched(ticket, now, status=role, **stamps)
    events.append(event(EventKind.STATUS_CHANGED, HUBSPOT_ACTOR, ticket, new))
    return new
