"""Fill a database with the demo: tickets spread over the last days, each told by a plot."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from scripts.demo_data import fleet
from scripts.demo_data.catalog import PROBLEMS, Problem
from scripts.demo_data.plots import CLOSERS, EVERYDAY, FRESH, OPENERS, Case, Plot, needs_parts
from scripts.demo_data.steps import intake
from scripts.demo_data.story import NotYet, Story, Tally
from services.app_services import AppServices
from services.tickets.rules import business_clock

TICKETS_PER_BUSINESS_DAY = 3.5
# Business minutes before now at which the last tickets came in: FRESH ones are past their
# one-hour acknowledgement target, CLOSERS have had a morning of work.
CLOSER_AGE = 300
FRESH_AGE = (150, 75)


def schedule(rng: random.Random, business_minutes: float) -> list[tuple[float, Plot]]:
    """(business minutes from the window's start, plot) for every demo ticket, in order."""
    days = business_minutes / 720
    count = max(len(OPENERS) + 4, round(days * TICKETS_PER_BUSINESS_DAY))
    middle = count - len(OPENERS) - len(CLOSERS)
    plots = [*OPENERS, *(rng.choice(EVERYDAY) for _ in range(middle))]
    span = max(business_minutes - CLOSER_AGE - 60, 1.0)
    step = span / len(plots)
    slots = [(step * (i + rng.uniform(0.05, 0.6)), plot) for i, plot in enumerate(plots)]
    closers = [(business_minutes - CLOSER_AGE - 20 * i, plot) for i, plot in enumerate(CLOSERS)]
    fresh = [(business_minutes - age, plot) for age, plot in zip(FRESH_AGE, FRESH, strict=True)]
    return sorted(slots + closers + fresh, key=lambda slot: slot[0])


def _problem(rng: random.Random, plot: Plot) -> Problem:
    if plot is needs_parts:
        return rng.choice([p for p in PROBLEMS if p.part_number])
    return rng.choice(PROBLEMS)


async def fill(services: AppServices, now: datetime, *, days: int = 10, seed: int = 7) -> Tally:
    """Store the demo's installed base, then tell its stories from `days` calendar days before
    `now` up to `now`, each ticket on one of its machines.

    Deterministic for a seed and a `now`. Intake keys are "demo:<seed>:<n>", so running again
    on the same database finds its tickets already there and skips them.
    """
    rng = random.Random(seed)
    clock = business_clock(services.profile)
    start = clock.next_open(now - timedelta(days=days))
    total = clock.between(start, now)
    installed = fleet.build(services.profile, now.date(), seed)
    await fleet.store(services.db, installed)
    tally = Tally()
    for n, (offset, plot) in enumerate(schedule(rng, total), start=1):
        machine = installed.pick(rng)
        customer = installed.caller(machine)
        problem = _problem(rng, plot)
        created = clock.add(start, offset)
        ticket, new = await intake(
            services, customer, installed.kind(machine), problem, machine.serial,
            f"demo:{seed}:{n}", created, refs=(machine.ref, machine.customer_ref),
        )  # fmt: skip
        if not new:
            tally.skipped += 1
            continue
        story = Story(services, clock, now, random.Random(rng.random()), ticket, created)
        try:
            await plot(story, Case(customer, problem))
        except NotYet:
            tally.stopped_early += 1
        tally.stories[plot.__name__] = tally.stories.get(plot.__name__, 0) + 1
    return tally
