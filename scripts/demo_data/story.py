"""One ticket's life, told step by step at backdated times through the workflow commands.

A Story keeps the ticket and the time its next step happens (business minutes from the one
before, on the profile's clock). A step whose time is still to come raises NotYet: the story
stops there and the ticket stays where the steps left it, open and maybe overdue.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from services.app_services import AppServices
from services.sla import BusinessClock
from services.tickets import Change, Ticket


class NotYet(Exception):
    """The step would happen after `now`: the story has got this far."""


@dataclass
class Tally:
    """What the demo made, for the summary."""

    stories: dict[str, int] = field(default_factory=dict)
    stopped_early: int = 0
    skipped: int = 0  # tickets a previous run made already


@dataclass
class Story:
    """A ticket and the moment of its next step."""

    services: AppServices
    clock: BusinessClock
    now: datetime
    rng: random.Random
    ticket: Ticket
    at: datetime

    @property
    def profile(self):
        """The profile the commands check against."""
        return self.services.profile

    def after(self, minutes: float, spread: float = 0.25) -> Story:
        """Move on `minutes` business minutes (give or take `spread` of them); NotYet if future."""
        jitter = 1 + self.rng.uniform(-spread, spread)
        at = self.clock.add(self.at, max(1.0, minutes * jitter))
        if at > self.now:
            raise NotYet(self.ticket.number)
        self.at = at
        return self

    def days(self, business_days: float) -> Story:
        """Move on a number of business days."""
        return self.after(business_days * self.clock.hours.minutes_per_day, spread=0.1)

    async def do(self, command: Callable[..., Change], actor: str, *args, **kwargs) -> Ticket:
        """Run a ticket workflow command as `actor` at this step's time and save its change."""
        change = command(self.ticket, actor, self.profile, self.at, *args, **kwargs)
        return await self.save(change)

    async def save(self, change: Change) -> Ticket:
        """Store a change made at this step's time (with the version it was made from)."""
        self.ticket = await self.services.tickets.save(
            change.ticket, self.ticket.version, change.events
        )
        return self.ticket
