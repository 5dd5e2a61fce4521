"""What a week measured, and the scorecard built from it: figures beside targets, per person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.profile import ScorecardTarget, Unit
from services.scorecard.measures import median, percentile, ratio_pct
from services.scorecard.weeks import Week


@dataclass(frozen=True)
class PersonWeek:
    """One person's week: tickets handed to them, resolved by them, reopened after them."""

    person_id: str | None  # None: the unassigned part of the backlog
    assigned: int = 0
    resolved: int = 0
    reopens: int = 0
    first_responses: tuple[float, ...] = ()  # business minutes, new tickets they answered first
    backlog: int = 0

    @property
    def first_response_median(self) -> float | None:
        """Median business minutes to their first answers; None if they gave none."""
        return median(self.first_responses)


@dataclass(frozen=True)
class WeekMeasures:
    """A week's raw measurements (durations in business minutes; see services.scorecard)."""

    opened: int = 0
    resolved: int = 0
    closed: int = 0
    reopens: int = 0
    reopen_base: int = 0  # distinct tickets resolved or closed in the week
    ack_due: int = 0
    ack_met: int = 0
    first_responses: tuple[float, ...] = ()
    first_response_due: int = 0
    first_response_met: int = 0
    resolutions: tuple[float, ...] = ()
    resolution_met: int = 0
    escalations: int = 0
    parts_requests: int = 0
    service_requests: int = 0
    kb_captured: int = 0
    kb_published: int = 0
    documentation_answers: int = 0  # distinct tickets answered with a KB article in the week
    backlog: int = 0
    backlog_ages: tuple[float, ...] = ()  # business days open at the week's end
    people: tuple[PersonWeek, ...] = ()

    @property
    def reopen_rate_pct(self) -> float | None:
        """Reopens in the week / distinct tickets resolved or closed in the week, in %."""
        return ratio_pct(self.reopens, self.reopen_base)

    @property
    def ack_pct(self) -> float | None:
        """% of the week's new tickets acknowledged by their deadline."""
        return ratio_pct(self.ack_met, self.ack_due)

    @property
    def first_response_pct(self) -> float | None:
        """% of the week's new tickets answered within their first-response SLA."""
        return ratio_pct(self.first_response_met, self.first_response_due)

    @property
    def resolution_pct(self) -> float | None:
        """% of the week's resolved tickets resolved within their resolution SLA."""
        return ratio_pct(self.resolution_met, len(self.resolutions))

    @property
    def sla_breaches(self) -> int:
        """Deadlines missed: acknowledgements and first answers of new tickets, resolutions."""
        return (
            (self.ack_due - self.ack_met)
            + (self.first_response_due - self.first_response_met)
            + (len(self.resolutions) - self.resolution_met)
        )

    @property
    def first_response_median(self) -> float | None:
        """Median business minutes from a new ticket to its first customer-visible answer."""
        return median(self.first_responses)

    @property
    def resolution_median(self) -> float | None:
        """Median business minutes from creation to resolution of the week's resolved tickets."""
        return median(self.resolutions)

    @property
    def resolution_p90(self) -> float | None:
        """90th percentile (nearest rank) of the same."""
        return percentile(self.resolutions, 90)

    @property
    def backlog_median_age(self) -> float | None:
        """Median business days the week-end backlog had been open."""
        return median(self.backlog_ages)

    @property
    def backlog_oldest_age(self) -> float | None:
        """Business days the oldest ticket of the backlog had been open."""
        return max(self.backlog_ages, default=None)


@dataclass(frozen=True)
class Figure:
    """One scorecard line, in its display unit: this week, the week before, and the target."""

    key: str  # a services.profile.Metric value, or a figure no target can be set for
    label: str
    unit: Unit
    value: float | None  # None: nothing to measure this week ("—")
    previous: float | None
    target: ScorecardTarget | None = None

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None without a target or a value."""
        if self.target is None or self.value is None:
            return None
        return self.target.met(self.value)

    @property
    def change(self) -> float | None:
        """This week less the week before (percentage points for a percentage)."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class TechnicianRow:
    """One person's line of the scorecard."""

    person_id: str | None
    name: str
    assigned: int
    resolved: int
    reopens: int
    first_response_median: float | None  # business minutes
    backlog: int


@dataclass(frozen=True)
class TrendPoint:
    """One week of the chart: reopen rate and acknowledgement rate (None: nothing to rate), and
    the counts behind the reopen rate."""

    week: Week
    reopen_rate_pct: float | None
    ack_pct: float | None
    done: int = 0  # distinct tickets resolved or closed in the week
    reopens: int = 0


@dataclass(frozen=True)
class WeeklyScorecard:
    """The scorecard of one week: headline first, then every figure, people and the trend."""

    week: Week
    computed_at: datetime
    figures: tuple[Figure, ...]
    technicians: tuple[TechnicianRow, ...]
    trend: tuple[TrendPoint, ...]  # oldest first, ending with `week`

    @property
    def complete(self) -> bool:
        """False while the week is still running (its figures are "so far")."""
        return self.week.ended_by(self.computed_at)

    @property
    def quiet(self) -> bool:
        """True when the desk had nothing to measure: no ticket opened, resolved or closed in
        the week and none open at its end (a new desk's first Monday)."""
        keys = ("opened", "resolved", "closed", "open_backlog")
        return not any(self.figure(key).value for key in keys)

    @property
    def headline(self) -> Figure:
        """The figure the team is steered by (the headline target; the reopen rate by default)."""
        return self.figures[0]

    def figure(self, key: str) -> Figure:
        """The figure with this key; KeyError if there is none."""
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)
