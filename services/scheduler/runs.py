"""job_runs: one row per (job, tick); the replica whose insert wins runs that tick."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite

from services.db.database import Database
from services.db.schema import job_runs

_INSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_OUTCOME_LIMIT = 2000  # a failure's message is kept, a traceback-sized one is cut


@dataclass(frozen=True)
class JobRun:
    """A claimed tick: who ran it, when, and what came of it (None while running)."""

    job: str
    tick: datetime
    runner: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str | None


class JobRunRepository:
    """Claims ticks and records their outcomes."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def claim(self, job: str, tick: datetime, runner: str, now: datetime) -> bool:
        """Claim `job`'s `tick` for `runner`; True only for the one claim that wins.

        ON CONFLICT DO NOTHING: on PostgreSQL a racing insert waits for the winner's commit and
        then does nothing, so exactly one replica runs the tick.
        """
        statement = (
            _INSERT[self._db.dialect](job_runs)
            .values(job=job, tick=tick, runner=runner, started_at=now)
            .on_conflict_do_nothing(index_elements=["job", "tick"])
            .returning(job_runs.c.job)
        )
        async with self._db.engine.begin() as connection:
            return await connection.scalar(statement) is not None

    async def finish(self, job: str, tick: datetime, outcome: str, now: datetime) -> None:
        """Record how the claimed run ended."""
        async with self._db.engine.begin() as connection:
            await connection.execute(
                update(job_runs)
                .where(job_runs.c.job == job, job_runs.c.tick == tick)
                .values(finished_at=now, outcome=outcome[:_OUTCOME_LIMIT])
            )

    async def runs(self, job: str | None = None) -> list[JobRun]:
        """Recorded runs (of one job, if named), oldest tick first."""
        query = select(job_runs).order_by(job_runs.c.tick, job_runs.c.job)
        if job is not None:
            query = query.where(job_runs.c.job == job)
        async with self._db.engine.connect() as connection:
            rows = (await connection.execute(query)).mappings().all()
        return [JobRun(**row) for row in rows]
