"""Time for desk tests: freeze the app's clock and run the scheduler's tick at that time."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.keys import SERVICES
from bot.scheduling import SCHEDULER
from services.scheduler import Ran
from tests.harness.desk import Desk

PACIFIC = ZoneInfo("America/Los_Angeles")


def pacific(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Pacific wall-clock time as the UTC instant the app works in."""
    return datetime(year, month, day, hour, minute, tzinfo=PACIFIC).astimezone(UTC)


def freeze(desk: Desk, at: datetime) -> None:
    """Make the app's clock read `at` until frozen again."""
    desk.app[SERVICES].clock = lambda: at


async def tick(desk: Desk, at: datetime) -> list[Ran]:
    """Freeze the clock at `at` and run whatever the scheduler has due then (as its loop would)."""
    freeze(desk, at)
    return await desk.app[SCHEDULER].run_due(at)
