"""The scheduler: runs each job's latest due tick once across replicas, on an asyncio loop.

`run_due(now)` is the whole decision and what tests call; `start()` only repeats it at each
minute boundary of the injected clock. A job that fails is logged and recorded as failed; the
others still run, and the next tick tries again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.scheduler.runs import JobRunRepository
from services.scheduler.schedules import Schedule

log = logging.getLogger(__name__)

# A job: (services, notifier, now) -> a one-line outcome for job_runs (None: nothing to say).
JobFunction = Callable[[Any, Any, datetime], Awaitable[str | None]]


@dataclass(frozen=True)
class Job:
    """A named piece of periodic work and when it runs."""

    name: str
    schedule: Schedule
    run: JobFunction


@dataclass(frozen=True)
class Ran:
    """What one run_due did for one job: the tick it looked at and what became of it."""

    job: str
    tick: datetime
    outcome: str  # "skipped: ..." when another runner (or an earlier run) has the tick


def runner_id() -> str:
    """Who this process is in job_runs: host, pid and a random part (pids repeat in containers)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Scheduler:
    """Runs jobs on their schedules; the job_runs claim makes each tick run once anywhere."""

    def __init__(
        self,
        jobs: Sequence[Job],
        runs: JobRunRepository,
        services: Any,
        notifier: Any,
        clock: Callable[[], datetime],
        runner: str | None = None,
    ) -> None:
        names = [job.name for job in jobs]
        if len(set(names)) != len(names):
            raise ValueError(f"job names must be unique: {names}")
        self.jobs = list(jobs)
        self._runs, self._services, self._notifier = runs, services, notifier
        self._clock = clock
        self.runner = runner or runner_id()
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    async def run_due(self, now: datetime) -> list[Ran]:
        """Claim and run every job whose latest tick at `now` nobody has run yet."""
        done: list[Ran] = []
        for job in self.jobs:
            tick = job.schedule.latest_tick(now)
            if tick is None:
                continue
            if not await self._runs.claim(job.name, tick, self.runner, now):
                done.append(Ran(job.name, tick, "skipped: already claimed"))
                continue
            done.append(Ran(job.name, tick, await self._run(job, tick)))
        return done

    async def _run(self, job: Job, tick: datetime) -> str:
        try:
            # The job runs "as of" the clock now, not its tick: a late tick works on today's data.
            result = await job.run(self._services, self._notifier, self._clock())
            outcome = f"ok: {result}" if result else "ok"
        except Exception as error:  # one job's failure must not stop the others
            log.exception("scheduled job %s failed for tick %s", job.name, tick.isoformat())
            outcome = f"failed: {type(error).__name__}: {error}"
        await self._runs.finish(job.name, tick, outcome, self._clock())
        return outcome

    def start(self) -> None:
        """Run due jobs now and then at every minute boundary, until stop()."""
        if self._task is None:
            self._stopping = asyncio.Event()
            self._task = asyncio.create_task(self._loop(self._stopping), name="scheduler")

    async def stop(self, grace_seconds: float = 30.0) -> None:
        """Stop the loop; a run in progress may finish (within the grace) so its claim closes."""
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping.set()
        try:
            await asyncio.wait_for(task, grace_seconds)
        except TimeoutError:
            log.warning("scheduler did not stop within %ss; its run was cancelled", grace_seconds)

    async def _loop(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            try:
                await self.run_due(self._clock())
            except Exception:  # the database may be briefly away; try again next minute
                log.exception("scheduler tick failed")
            now = self._clock()
            pause = max(1.0, 60.0 - now.second - now.microsecond / 1e6)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), pause)
