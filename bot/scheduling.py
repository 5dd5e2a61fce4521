"""The scheduler as an app resource: which jobs run when, started and stopped with the app.

JOBS below is the one list of scheduled work; add a job there (name, schedule, function
`async (services, notifier, now) -> str | None`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import TYPE_CHECKING

from aiohttp import web

from bot.keys import BOT, SERVICES, SETTINGS
from dialogs.digest import send_daily_digest
from dialogs.scorecard import post_scorecard
from dialogs.sla_alerts import sweep_and_alert
from services.profile import Profile
from services.scheduler import DailyAt, Every, Job, JobRunRepository, Scheduler, WeeklyAt
from services.tickets.autoclose import close_silent_tickets

if TYPE_CHECKING:
    from bot.notifier import Notifier
    from services.app_services import AppServices

log = logging.getLogger("bot.scheduler")
SCHEDULER: web.AppKey[Scheduler] = web.AppKey("scheduler")


async def autoclose(services: AppServices, notifier: Notifier, now: datetime) -> str:
    """Close the resolved tickets whose customer stayed silent long enough."""
    closed = await close_silent_tickets(services, now)
    return f"closed {', '.join(closed)}" if closed else "nothing to close"


def scorecard_schedule(profile: Profile) -> WeeklyAt | None:
    """When the weekly scorecard posts: the profile's [scorecard] post_on at post_at."""
    scorecard = profile.scorecard
    if scorecard is None:
        return None
    return WeeklyAt(scorecard.post_on, scorecard.post_at, profile.business_hours)


def scheduled_jobs(profile: Profile) -> list[Job]:
    """Every scheduled job of the desk: the one list to add a job to."""
    hours = profile.business_hours
    jobs = [
        Job("sla_sweep", Every(1), sweep_and_alert),
        # At opening time, so the list is waiting when the day starts.
        Job("daily_digest", DailyAt(hours.open, hours), send_daily_digest),
        Job("autoclose", Every(60, hours), autoclose),
    ]
    weekly = scorecard_schedule(profile)
    if weekly is not None:  # a profile without [scorecard] measures nothing weekly
        jobs.append(Job("scorecard", weekly, post_scorecard))
    return jobs


async def scheduler_ctx(app: web.Application) -> AsyncIterator[None]:
    """The scheduler over the bot's services and notifier; its loop runs unless turned off."""
    services = app[SERVICES]
    scheduler = Scheduler(
        scheduled_jobs(services.profile),
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
