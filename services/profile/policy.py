"""The process steps and the policies around them: closure, scorecard and Teams channels."""

from __future__ import annotations

import re
from datetime import time
from enum import StrEnum

from pydantic import (
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveInt,
    field_validator,
    model_validator,
)

from services.profile.base import Frozen, Slug, Text
from services.profile.hours import Weekday
from services.profile.roster import Capability

ASSIGNEE = "assignee"  # a process owned by whoever the ticket is assigned to
# Teams channel ids look like 19:abc...@thread.tacv2 (older teams: @thread.skype).
_CHANNEL_ID = re.compile(r"^19:[^\s@]+@thread\.(tacv2|skype)$")


class ProcessRole(StrEnum):
    """A process step the code looks up, to send its work to the step's owner."""

    PARTS = "parts"  # parts requests go to its owner
    KNOWLEDGE = "knowledge"  # KB drafts go to its owner

    @property
    def capability(self) -> Capability:
        """What the step's owner must be able to do for the code to send them its work."""
        return {
            ProcessRole.PARTS: Capability.ANSWER_PARTS,
            ProcessRole.KNOWLEDGE: Capability.PUBLISH_KB,
        }[self]


class Process(Frozen):
    """One of the core process steps and who owns it (a person id or "assignee")."""

    number: PositiveInt
    key: Slug
    name: Text
    summary: str = ""
    owner: Slug
    role: ProcessRole | None = None


class ClosurePolicy(Frozen):
    """When silent tickets close themselves and what a reopen means."""

    auto_close_after_business_days: PositiveInt
    # Statuses in which customer silence counts toward auto-close.
    auto_close_from: tuple[Slug, ...] = Field(min_length=1)
    reminder_after_business_days: tuple[PositiveInt, ...] = ()
    confirm_with_customer: bool = True
    reopen_window_business_days: NonNegativeInt = 0
    reopen_policy: Text

    @model_validator(mode="after")
    def _reminders_before_close(self) -> ClosurePolicy:
        late = [
            d for d in self.reminder_after_business_days if d >= self.auto_close_after_business_days
        ]
        if late:
            raise ValueError(
                f"reminders {late} must come before auto-close "
                f"after {self.auto_close_after_business_days} business days"
            )
        return self


class Metric(StrEnum):
    """Scorecard metrics the scorecard service knows how to compute."""

    ACK_WITHIN_SLA_PCT = "ack_within_sla_pct"
    FIRST_RESPONSE_WITHIN_SLA_PCT = "first_response_within_sla_pct"
    RESOLUTION_WITHIN_SLA_PCT = "resolution_within_sla_pct"
    REOPEN_RATE_PCT = "reopen_rate_pct"
    FIRST_RESPONSE_MEDIAN = "first_response_median"
    RESOLUTION_P90 = "resolution_p90"
    SLA_BREACHES = "sla_breaches"
    KB_ARTICLES_PUBLISHED = "kb_articles_published"
    OPEN_BACKLOG = "open_backlog"
    # Tickets answered with a KB article ("Can documentation solve it?"): on the scorecard only
    # of a desk whose [scorecard] lists it.
    DOCUMENTATION_ANSWERS = "documentation_answers"


class Unit(StrEnum):
    """Unit a scorecard target is stated in."""

    PERCENT = "percent"
    BUSINESS_MINUTES = "business_minutes"
    BUSINESS_HOURS = "business_hours"
    BUSINESS_DAYS = "business_days"
    COUNT = "count"


class Direction(StrEnum):
    """Whether a target is a floor or a ceiling."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


_DURATIONS = frozenset({Unit.BUSINESS_MINUTES, Unit.BUSINESS_HOURS, Unit.BUSINESS_DAYS})
_UNITS: dict[Metric, frozenset[Unit]] = {
    **{m: frozenset({Unit.PERCENT}) for m in Metric if m.value.endswith("_pct")},
    Metric.FIRST_RESPONSE_MEDIAN: _DURATIONS,
    Metric.RESOLUTION_P90: _DURATIONS,
    Metric.SLA_BREACHES: frozenset({Unit.COUNT}),
    Metric.KB_ARTICLES_PUBLISHED: frozenset({Unit.COUNT}),
    Metric.OPEN_BACKLOG: frozenset({Unit.COUNT}),
    Metric.DOCUMENTATION_ANSWERS: frozenset({Unit.COUNT}),
}


class ScorecardTarget(Frozen):
    """One scorecard line: a metric, its target and which way is good."""

    metric: Metric
    label: Text
    direction: Direction
    value: NonNegativeFloat
    unit: Unit
    headline: bool = False

    @model_validator(mode="after")
    def _unit_fits(self) -> ScorecardTarget:
        allowed = _UNITS[self.metric]
        if self.unit not in allowed:
            names = ", ".join(sorted(allowed))
            raise ValueError(f"'{self.metric}' is measured in {names}, not '{self.unit}'")
        if self.unit is Unit.PERCENT and self.value > 100:
            raise ValueError(f"a percentage target cannot exceed 100 (got {self.value})")
        return self

    def met(self, actual: float) -> bool:
        """True if `actual` (in this target's unit) meets the target."""
        if self.direction is Direction.AT_LEAST:
            return actual >= self.value
        return actual <= self.value


class Scorecard(Frozen):
    """The weekly scorecard: what is measured and when it is posted (business timezone)."""

    post_on: Weekday
    post_at: time
    targets: tuple[ScorecardTarget, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_headline(self) -> Scorecard:
        if sum(t.headline for t in self.targets) > 1:
            raise ValueError("at most one target can be the headline")
        metrics = [t.metric for t in self.targets]
        if len(set(metrics)) != len(metrics):
            raise ValueError("each metric may appear only once")
        return self


class Channels(Frozen):
    """Optional Teams channels; unset means "post to the triage admin's personal chat"."""

    triage: str | None = None
    scorecard: str | None = None

    @field_validator("triage", "scorecard")
    @classmethod
    def _channel_id(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not _CHANNEL_ID.match(value):
            raise ValueError(f"'{value}' is not a Teams channel id (19:...@thread.tacv2)")
        return value
