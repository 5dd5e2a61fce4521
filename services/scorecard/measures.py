"""Business-minute durations, SLA verdicts and percentiles from the timestamps SQL selected.

These are the parts SQL cannot do portably: business time needs the profile's hours and
holidays (services.sla.BusinessClock), and SQLite has no percentile function.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from services.profile import Profile
from services.sla import BusinessClock

StatusChange = tuple[datetime, str]  # when a ticket entered a workflow status, and which


class Verdict(StrEnum):
    """An SLA deadline's outcome: met, missed, or not decided yet (still running)."""

    MET = "met"
    MISSED = "missed"
    PENDING = "pending"


def median(values: Sequence[float]) -> float | None:
    """The median (mean of the middle two for an even count); None for no values."""
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least p% of values at or below it.

    With 10 values p90 is the 9th smallest (rank ceil(0.9 * 10) = 9); None for no values.
    """
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


def ratio_pct(part: int, whole: int) -> float | None:
    """part / whole as a percentage; None when there is nothing to divide by."""
    return 100 * part / whole if whole else None


@dataclass(frozen=True)
class SlaClock:
    """Business minutes on the SLA's terms: the clock stops in the profile's paused statuses."""

    clock: BusinessClock
    paused: frozenset[str]

    @classmethod
    def of(cls, profile: Profile, clock: BusinessClock) -> SlaClock:
        """The SLA clock of `profile`'s policy."""
        # Events record status roles, so the pause is looked up by role.
        return cls(clock, frozenset(role.value for role in profile.paused_roles))

    def elapsed(self, start: datetime, stop: datetime) -> float:
        """Business minutes from start to stop, pauses included (what the customer waited)."""
        return self.clock.between(start, stop)

    def running(
        self,
        start: datetime,
        stop: datetime,
        changes: Sequence[StatusChange],
        elapsed: float | None = None,
    ) -> float:
        """Business minutes from start to stop less those spent in a paused status.

        `elapsed` is self.elapsed(start, stop) when the caller has it already.
        """
        whole = self.elapsed(start, stop) if elapsed is None else elapsed
        return whole - self._paused(start, stop, changes) if changes else whole

    def verdict(
        self,
        start: datetime,
        done: datetime | None,
        target: float,
        changes: Sequence[StatusChange],
        as_of: datetime,
        elapsed: float | None = None,
    ) -> Verdict:
        """Whether something due `target` running minutes after `start` was done in time.

        `elapsed` is self.elapsed(start, done) for something done, when the caller has it.
        """
        used = self.running(start, done or as_of, changes, elapsed if done else None)
        if done is not None:
            return Verdict.MET if used <= target else Verdict.MISSED
        return Verdict.MISSED if used > target else Verdict.PENDING

    def _paused(self, start: datetime, stop: datetime, changes: Sequence[StatusChange]) -> float:
        total = 0.0
        for i, (entered, status) in enumerate(changes):
            left = changes[i + 1][0] if i + 1 < len(changes) else stop
            if status in self.paused:
                total += self.clock.between(max(entered, start), min(left, stop))
        return total


def timelines(rows: Iterable[Mapping]) -> dict[int, list[StatusChange]]:
    """Status changes per ticket id, from rows of queries.status_changes (already in order)."""
    found: dict[int, list[StatusChange]] = {}
    for row in rows:
        found.setdefault(row["ticket_id"], []).append((row["at"], row["status"]))
    return found


def tally(verdicts: Iterable[Verdict]) -> tuple[int, int]:
    """(decided, met) among verdicts: pending ones count in neither."""
    decided = met = 0
    for verdict in verdicts:
        decided += verdict is not Verdict.PENDING
        met += verdict is Verdict.MET
    return decided, met
