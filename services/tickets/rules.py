"""Guards every workflow command shares: who is acting, what they may do, where a ticket may go."""

import math
from datetime import datetime
from functools import lru_cache

from services.profile import BusinessHours, Capability, Person, Profile
from services.sla import BusinessClock
from services.tickets.errors import TicketRuleError
from services.tickets.model import Ticket
from services.tickets.statuses import TicketStatus, can_move


def name_of(profile: Profile, person_id: str) -> str:
    """The person's name for messages; the bare id for someone not on the roster."""
    try:
        return profile.person(person_id).name
    except KeyError:
        return person_id


def status_label(profile: Profile, role: TicketStatus) -> str:
    """The profile's label for the status in `role` ("Waiting on parts"), else the role's name."""
    try:
        return profile.status_for(role).label
    except KeyError:
        return TicketStatus(role).value.replace("_", " ")


def status_role(profile: Profile, status: TicketStatus | str) -> TicketStatus:
    """The role of `status`: a role as it is, or the key of one of the profile's statuses."""
    if isinstance(status, TicketStatus):
        return status
    try:
        return profile.status(status).role
    except KeyError:
        raise TicketRuleError(f"The {profile.company} desk has no status '{status}'.") from None


def member(profile: Profile, actor_id: str, ticket: Ticket) -> Person:
    """The acting person; refused when they are not on the team's roster."""
    try:
        return profile.person(actor_id)
    except KeyError:
        raise TicketRuleError(
            f"Only members of the {profile.company} team can change {ticket.number}; "
            f"nobody with the id '{actor_id}' is on the roster."
        ) from None


def require_capability(
    profile: Profile, actor_id: str, ticket: Ticket, capability: Capability, doing: str
) -> Person:
    """The acting person, who must hold `capability`; `doing` reads "assign BP-1001"."""
    person = member(profile, actor_id, ticket)
    if not profile.has_capability(person, capability):
        raise TicketRuleError(
            f"Only someone who may {capability.value.replace('_', ' ')} can {doing}; "
            f"{person.name} may not."
        )
    return person


def require_worker(profile: Profile, actor_id: str, ticket: Ticket, doing: str) -> Person:
    """The acting person, who must be the assignee or allowed to resolve any ticket."""
    person = member(profile, actor_id, ticket)
    if person.id == ticket.assignee_id or profile.has_capability(person, Capability.RESOLVE_ANY):
        return person
    if ticket.assignee_id is None:
        raise TicketRuleError(
            f"{ticket.number} has no assignee, so only someone who may resolve any ticket "
            f"can {doing} it."
        )
    assignee = name_of(profile, ticket.assignee_id)
    raise TicketRuleError(
        f"Only the assignee ({assignee}) or someone who may resolve any ticket "
        f"can {doing} {ticket.number}."
    )


def require_coordinator(profile: Profile, actor_id: str, ticket: Ticket, doing: str) -> Person:
    """The acting person, who coordinates the ticket's work: its owner (the assignee), triage,
    or someone who may resolve any ticket; `doing` reads "involve a team on"."""
    person = member(profile, actor_id, ticket)
    if person.id == ticket.assignee_id:
        return person
    if any(profile.has_capability(person, c) for c in (Capability.TRIAGE, Capability.RESOLVE_ANY)):
        return person
    owner = f"its owner ({name_of(profile, ticket.assignee_id)})" if ticket.assignee_id else None
    who = " or ".join(x for x in (owner, "triage") if x)
    raise TicketRuleError(f"Only {who} can {doing} {ticket.number}; {person.name} may not.")


def require_move(profile: Profile, ticket: Ticket, target: TicketStatus) -> None:
    """Refuse a move the state machine or the profile's list of statuses does not allow."""
    try:
        profile.status_for(target)
    except KeyError:
        raise TicketRuleError(
            f"The {profile.company} desk has no status for '{status_label(profile, target)}'."
        ) from None
    if ticket.status == target:
        raise TicketRuleError(f"{ticket.number} is already {status_label(profile, target)}.")
    if not can_move(ticket.status, target):
        raise TicketRuleError(
            f"{ticket.number} is {status_label(profile, ticket.status)}; "
            f"it cannot move to {status_label(profile, target)}."
        )


def require_engineering_answer(profile: Profile, ticket: Ticket) -> None:
    """Refuse to move a ticket waiting for the engineering manager's answer to its escalation:
    only that answer (accepted, or sent back for more) takes it out of Escalated."""
    if ticket.status is not TicketStatus.ESCALATED:
        return
    deciders = profile.people_with_capability(Capability.ACCEPT_ESCALATION)
    who = " or ".join(p.name for p in deciders) or "the engineering manager"
    raise TicketRuleError(
        f"{ticket.number} is waiting for {who} to accept the escalation or ask for more "
        f"information; until then it stays {status_label(profile, ticket.status)}."
    )


def require_text(value: str | None, refusal: str) -> str:
    """`value` stripped; refused with `refusal` when it is missing or blank."""
    text = (value or "").strip()
    if not text:
        raise TicketRuleError(refusal)
    return text


def local_time(profile: Profile, at: datetime) -> str:
    """A timestamp as the team reads it: their timezone, e.g. "Mon 30 Nov 2026 09:12 PST"."""
    return at.astimezone(profile.business_hours.zone).strftime("%a %d %b %Y %H:%M %Z")


@lru_cache(maxsize=8)
def _clock(hours: BusinessHours) -> BusinessClock:
    # A clock builds its year tables lazily and keeps them; one per set of hours is enough.
    return BusinessClock(hours)


def business_days_between(profile: Profile, start: datetime, end: datetime) -> float:
    """Business days (of the profile's hours) from `start` to `end`; 0.0 if end is not later."""
    hours = profile.business_hours
    return _clock(hours).between(start, end) / hours.minutes_per_day


def shown_days(days: float, *, up: bool) -> str:
    """Days to one decimal, rounded toward the side of the limit they are on.

    "4.9 of 5 days" must not read "5.0 of 5", nor "10.01 past a 10-day window" read "10.0".
    """
    tenths = math.ceil(days * 10) if up else math.floor(days * 10)
    return f"{tenths / 10:.1f}"


def business_clock(profile: Profile) -> BusinessClock:
    """The business clock for the profile's hours (shared, cached)."""
    return _clock(profile.business_hours)
