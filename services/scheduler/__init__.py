"""Periodic jobs, each tick run once across replicas (claimed in job_runs)."""

from services.scheduler.runner import Job, JobFunction, Ran, Scheduler, runner_id
from services.scheduler.runs import JobRun, JobRunRepository
from services.scheduler.schedules import DailyAt, Every, Schedule, WeeklyAt

__all__ = [
    "DailyAt",
    "Every",
    "Job",
    "JobFunction",
    "JobRun",
    "JobRunRepository",
    "Ran",
    "Schedule",
    "Scheduler",
    "WeeklyAt",
    "runner_id",
]
