"""The scheduler as an app resource: the features' jobs, started and stopped with the app.

Each feature declares its jobs (`@feature.job(name, schedule=...)`); this module knows none.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable

from aiohttp import web

from bot.keys import BOT, FEATURES, SERVICES, SETTINGS
from bot.router import Feature
from services.profile import Profile
from services.scheduler import Job, JobRunRepository, Scheduler

log = logging.getLogger("bot.scheduler")
SCHEDULER: web.AppKey[Scheduler] = web.AppKey("scheduler")


def scheduled_jobs(profile: Profile, features: Iterable[Feature]) -> list[Job]:
    """Every job the features declare that this profile runs (its schedule is not None)."""
    jobs = []
    for feature in features:
        for job in feature.jobs:
            schedule = job.schedule(profile)
            if schedule is not None:
                jobs.append(Job(job.name, schedule, job.run))
    return jobs


async def scheduler_ctx(app: web.Application) -> AsyncIterator[None]:
    """The scheduler over the bot's services and notifier; its loop runs unless turned off."""
    services = app[SERVICES]
    scheduler = Scheduler(
        scheduled_jobs(services.profile, app[FEATURES]),
        JobRunRepository(services.db),
        services,
        app[BOT].notifier,
        clock=lambda: services.clock(),  # read each time: tests replace services.clock
    )
    app[SCHEDULER] = scheduler
    if app[SETTINGS].scheduler_enabled:
        log.info("scheduler %s started: %s", scheduler.runner, _described(scheduler))
        scheduler.start()
    yield
    await scheduler.stop()


def _described(scheduler: Scheduler) -> str:
    return "; ".join(f"{job.name} {job.schedule.describe()}" for job in scheduler.jobs)
