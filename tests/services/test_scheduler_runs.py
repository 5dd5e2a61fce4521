"""The scheduler on SQLite and PostgreSQL: each (job, tick) runs once, whoever asks."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from services.db import Database
from services.scheduler import DailyAt, Every, Job, JobRunRepository, Scheduler
from tests.fixtures.databases import OpenDatabase
from tests.harness.domain import BESTPACK, MONDAY_9AM

HOURS = BESTPACK.business_hours


class Counting:
    """A job function that remembers when it ran, and can be told to fail."""

    def __init__(self, fails: bool = False) -> None:
        self.calls: list[datetime] = []
        self.fails = fails

    async def __call__(self, services: object, notifier: object, now: datetime) -> str:
        self.calls.append(now)
        if self.fails:
            raise RuntimeError("the order system is down")
        return f"run {len(self.calls)}"


def scheduler(db: Database, jobs: list[Job], runner: str, now: datetime) -> Scheduler:
    """A scheduler whose clock reads `now`."""
    return Scheduler(jobs, JobRunRepository(db), None, None, clock=lambda: now, runner=runner)


async def test_two_replicas_asking_for_the_same_tick_run_it_once(
    database: Database, open_database: OpenDatabase
) -> None:
    sweep, digest = Counting(), Counting()
    jobs = [Job("sweep", Every(1), sweep), Job("digest", DailyAt(HOURS.open, HOURS), digest)]
    now = MONDAY_9AM + timedelta(seconds=20)
    first = scheduler(database, jobs, "a", now)
    second = scheduler(await open_database(database), jobs, "b", now)

    ran = await asyncio.gather(first.run_due(now), second.run_due(now))

    assert (len(sweep.calls), len(digest.calls)) == (1, 1)
    outcomes = sorted(r.outcome for done in ran for r in done)
    assert outcomes == ["ok: run 1", "ok: run 1", *["skipped: already claimed"] * 2]
    runs = await JobRunRepository(database).runs()
    assert [(r.job, r.tick) for r in runs] == [
        ("digest", MONDAY_9AM.replace(hour=13)),  # 05:00 Pacific
        ("sweep", MONDAY_9AM),
    ]
    assert all(r.runner in {"a", "b"} and r.finished_at == now for r in runs)


async def test_a_tick_already_run_is_skipped_and_the_next_one_runs(database: Database) -> None:
    job = Counting()
    runner = scheduler(database, [Job("sweep", Every(1), job)], "a", MONDAY_9AM)
    await runner.run_due(MONDAY_9AM)
    [again] = await runner.run_due(MONDAY_9AM + timedelta(seconds=59))
    assert again.outcome == "skipped: already claimed"
    [later] = await runner.run_due(MONDAY_9AM + timedelta(minutes=1))
    assert (later.tick, later.outcome) == (MONDAY_9AM + timedelta(minutes=1), "ok: run 2")


async def test_after_downtime_the_latest_missed_tick_runs_once_not_a_backlog(
    database: Database,
) -> None:
    sweep, hourly = Counting(), Counting()
    jobs = [Job("sweep", Every(1), sweep), Job("hourly", Every(60, HOURS), hourly)]
    runner = scheduler(database, jobs, "a", MONDAY_9AM)
    await runner.run_due(MONDAY_9AM)
    back = MONDAY_9AM + timedelta(days=2, minutes=7, seconds=3)  # Wednesday 09:07
    await runner.run_due(back)
    await runner.run_due(back)
    assert (len(sweep.calls), len(hourly.calls)) == (2, 2)
    ticks = [r.tick for r in await JobRunRepository(database).runs("hourly")]
    assert ticks == [MONDAY_9AM, MONDAY_9AM + timedelta(days=2)]


async def test_a_failing_job_is_recorded_and_the_others_still_run(database: Database) -> None:
    broken, fine = Counting(fails=True), Counting()
    jobs = [Job("broken", Every(1), broken), Job("fine", Every(1), fine)]
    ran = await scheduler(database, jobs, "a", MONDAY_9AM).run_due(MONDAY_9AM)
    assert [r.outcome for r in ran] == [
        "failed: RuntimeError: the order system is down",
        "ok: run 1",
    ]
    [run] = await JobRunRepository(database).runs("broken")
    assert run.outcome == "failed: RuntimeError: the order system is down"


async def test_the_loop_runs_due_jobs_until_stopped(sqlite_database: Database) -> None:
    ran = asyncio.Event()

    async def job(services: object, notifier: object, now: datetime) -> None:
        ran.set()

    runner = scheduler(sqlite_database, [Job("sweep", Every(1), job)], "a", MONDAY_9AM)
    runner.start()
    await asyncio.wait_for(ran.wait(), 10)
    await runner.stop()
    [run] = await JobRunRepository(sqlite_database).runs()
    assert (run.tick, run.outcome) == (MONDAY_9AM, "ok")


def test_job_names_are_unique() -> None:
    job = Job("sweep", Every(1), Counting())
    with pytest.raises(ValueError, match="unique"):
        Scheduler([job, job], JobRunRepository(None), None, None, clock=lambda: MONDAY_9AM)  # type: ignore[arg-type]
