"""Two replicas of the desk on one database run the same scheduler tick: each job once."""

from __future__ import annotations

import asyncio

from bot.keys import SERVICES
from bot.scheduling import SCHEDULER
from services.scheduler import JobRunRepository
from services.settings import Settings
from tests.harness.clock import freeze
from tests.harness.connector import FakeConnector
from tests.harness.sla import Team, alerts_to, at, file_and_assign, open_desk


async def test_two_replicas_run_each_job_once_and_send_each_alert_once(
    settings_on_each_database: Settings, connector: FakeConnector
):
    first = await open_desk(settings_on_each_database, connector)
    second = await open_desk(settings_on_each_database, connector)
    try:
        team = Team(first)
        await team.say_hello()
        await file_and_assign(first, team)
        now = at(11, 1)  # the first response (due 11:00) has just been missed
        for desk in (first, second):
            freeze(desk, now)
        ran = await asyncio.gather(
            first.app[SCHEDULER].run_due(now), second.app[SCHEDULER].run_due(now)
        )

        outcomes = [r for done in ran for r in done]
        for job in ("sla_sweep", "daily_digest", "autoclose", "closure_reminders"):
            mine = [r.outcome for r in outcomes if r.job == job]
            assert len(mine) == 2 and mine.count("skipped: already claimed") == 1, (job, mine)
        runs = await JobRunRepository(first.app[SERVICES].db).runs()
        assert sorted(r.job for r in runs) == [
            "autoclose",
            "closure_reminders",
            "daily_digest",
            "scorecard",
            "sla_sweep",
        ]
        assert {r.runner for r in runs} <= {
            first.app[SCHEDULER].runner,
            second.app[SCHEDULER].runner,
        }
        assert all(r.finished_at is not None and r.outcome.startswith("ok") for r in runs)
        for chat in (team.kevin, team.mary, team.allison):
            assert len(alerts_to(first, chat)) == 1, "one breach alert each, from one replica"
    finally:
        await second.close()
        await first.close()
