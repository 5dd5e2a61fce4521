"""Involving a team: who may, on which tickets, and who becomes a helper.

The ticket's owner (its assignee), triage, or someone who may resolve any ticket pulls a team
in; the team's people (the roster's holders of its roles) become helpers, but the owner, who
stays the owner and is never their own helper. A closed or resolved ticket takes no helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from services.involvement.model import Helper, Involvement
from services.profile import Profile, Team
from services.tickets import Change, EventKind, Ticket, TicketRuleError
from services.tickets.history import event, touched
from services.tickets.rules import require_coordinator, status_label


def involve(
    ticket: Ticket,
    actor_id: str,
    profile: Profile,
    now: datetime,
    team: Team,
    current: Sequence[Helper],
    question: str | None = None,
) -> Involvement:
    """Add the team's people not helping yet; `current` are the ticket's helpers now and
    `question` what they are asked. Refused in words when nothing may or would change."""
    require_coordinator(profile, actor_id, ticket, "involve a team on")
    if not ticket.is_open:
        label = status_label(profile, ticket.status)
        raise TicketRuleError(f"{ticket.number} is {label}: reopen it before involving a team.")
    people = [p for p in profile.members_of(team) if p.id != ticket.assignee_id]
    if not people:
        owner = " but its owner" if ticket.assignee_id else ""
        raise TicketRuleError(f"{team.label} has nobody on the roster{owner} to help.")
    helping = {h.person_id for h in current if h.team == team.key}
    new = [p for p in people if p.id not in helping]
    if not new:
        names = ", ".join(p.name for p in people)
        raise TicketRuleError(f"{team.label} is already helping on {ticket.number} ({names}).")
    asked = " ".join((question or "").split()) or None
    saved = touched(ticket, now)
    extra = {"team": team.key, "team_label": team.label, "helpers": [p.id for p in new]}
    entry = event(EventKind.INVOLVED, actor_id, ticket, saved, body=asked, extra=extra)
    added = tuple(Helper(ticket.id, team.key, p.id, actor_id, now) for p in new)
    return Involvement(Change(saved, (entry,)), added)
