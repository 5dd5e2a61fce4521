"""The daily ticket check of one person: their queue, and what in it needs following up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from services.profile import Capability, Person
from services.routines.escalated import escalated_at_intake
from services.routines.followup import FollowUp, follow_ups, update_due_since
from services.tickets.model import Ticket

if TYPE_CHECKING:
    from services.app_services import AppServices


@dataclass(frozen=True)
class DailyCheck:
    """A person's open tickets (most urgent first), those to follow up, and for someone who
    triages, how many tickets wait for triage (None for others)."""

    person: Person
    queue: list[Ticket]
    follow_ups: list[FollowUp]
    untriaged: int | None = None

    @property
    def empty(self) -> bool:
        """Nothing to say: no tickets of theirs and none waiting for triage."""
        return not self.queue and not self.untriaged


async def daily_check(services: AppServices, person: Person, now: datetime) -> DailyCheck:
    """What `person` holds now and what of it needs following up."""
    profile = services.profile
    queue = await services.tickets.open_for_assignee(person.id)
    at_intake = await escalated_at_intake(services) if profile.routines.status_updates else set()
    found: list[FollowUp] = []
    for ticket in queue:
        due = None
        if ticket.escalated or ticket.id in at_intake:
            # Only escalated tickets are due updates: only their timelines are read.
            events = await services.tickets.events(ticket.id)
            due = update_due_since(ticket, profile, now, events)
        found.extend(follow_ups(ticket, profile, now, due))
    untriaged = None
    if profile.has_capability(person, Capability.TRIAGE):
        untriaged = len(await services.tickets.untriaged_or_unassigned())
    return DailyCheck(person, queue, found, untriaged)


def checked_people(services: AppServices) -> tuple[Person, ...]:
    """Who gets the daily check: everyone holding the profile's [routines.daily_check] role."""
    check = services.profile.routines.daily_check
    return () if check is None else services.profile.people_with_role(check.role)
