"""The scorecard's lines: which figures, in which unit, beside which target, and how they read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from services.profile import Capability, Direction, Metric, Profile, ScorecardTarget, Unit
from services.scorecard.model import Figure, WeekMeasures

NO_VALUE = "—"
_MINUTES = {Unit.BUSINESS_MINUTES: 1, Unit.BUSINESS_HOURS: 60}


@dataclass(frozen=True)
class Line:
    """How one figure is read off a week: its key, label, unit and the raw value's unit."""

    key: str
    label: str
    unit: Unit
    read: Callable[[WeekMeasures], float | None]
    raw: Unit  # durations are measured in business minutes (backlog ages in business days)
    listed_only: bool = False  # shown only on a desk whose [scorecard] sets it a target


M = WeekMeasures
LINES: tuple[Line, ...] = (
    Line(Metric.REOPEN_RATE_PCT, "Reopen rate", Unit.PERCENT, M.reopen_rate_pct.fget, Unit.PERCENT),
    Line("reopens", "Reopens", Unit.COUNT, lambda m: m.reopens, Unit.COUNT),
    Line("opened", "Tickets opened", Unit.COUNT, lambda m: m.opened, Unit.COUNT),
    Line("resolved", "Tickets resolved", Unit.COUNT, lambda m: m.resolved, Unit.COUNT),
    Line("closed", "Tickets closed", Unit.COUNT, lambda m: m.closed, Unit.COUNT),
    Line(
        Metric.ACK_WITHIN_SLA_PCT,
        "Acknowledged in time",
        Unit.PERCENT,
        M.ack_pct.fget,
        Unit.PERCENT,
    ),
    Line(
        Metric.FIRST_RESPONSE_MEDIAN,
        "Median first response",
        Unit.BUSINESS_MINUTES,
        M.first_response_median.fget,
        Unit.BUSINESS_MINUTES,
    ),
    Line(
        Metric.FIRST_RESPONSE_WITHIN_SLA_PCT,
        "First response within SLA",
        Unit.PERCENT,
        M.first_response_pct.fget,
        Unit.PERCENT,
    ),
    Line(
        "resolution_median",
        "Median time to resolution",
        Unit.BUSINESS_DAYS,
        M.resolution_median.fget,
        Unit.BUSINESS_MINUTES,
    ),
    Line(
        Metric.RESOLUTION_P90,
        "90th percentile resolution",
        Unit.BUSINESS_DAYS,
        M.resolution_p90.fget,
        Unit.BUSINESS_MINUTES,
    ),
    Line(
        Metric.RESOLUTION_WITHIN_SLA_PCT,
        "Resolved within SLA",
        Unit.PERCENT,
        M.resolution_pct.fget,
        Unit.PERCENT,
    ),
    Line(Metric.SLA_BREACHES, "SLA breaches", Unit.COUNT, M.sla_breaches.fget, Unit.COUNT),
    Line("escalations", "Escalations", Unit.COUNT, lambda m: m.escalations, Unit.COUNT),
    Line("parts_requests", "Parts requests", Unit.COUNT, lambda m: m.parts_requests, Unit.COUNT),
    Line(
        "service_requests", "Service requests", Unit.COUNT, lambda m: m.service_requests, Unit.COUNT
    ),
    Line("kb_captured", "KB articles captured", Unit.COUNT, lambda m: m.kb_captured, Unit.COUNT),
    Line(
        Metric.KB_ARTICLES_PUBLISHED,
        "KB articles published",
        Unit.COUNT,
        lambda m: m.kb_published,
        Unit.COUNT,
    ),
    Line(
        Metric.DOCUMENTATION_ANSWERS,
        "Answered from documentation",
        Unit.COUNT,
        lambda m: m.documentation_answers,
        Unit.COUNT,
        listed_only=True,
    ),
    Line(
        Metric.OPEN_BACKLOG, "Open backlog at week end", Unit.COUNT, lambda m: m.backlog, Unit.COUNT
    ),
    Line(
        "backlog_median_age",
        "Backlog median age",
        Unit.BUSINESS_DAYS,
        M.backlog_median_age.fget,
        Unit.BUSINESS_DAYS,
    ),
    Line(
        "backlog_oldest_age",
        "Oldest open ticket",
        Unit.BUSINESS_DAYS,
        M.backlog_oldest_age.fget,
        Unit.BUSINESS_DAYS,
    ),
)


# Counts of a process only some desks run: where nobody may do its work, the line is left out
# (a desk without parts or on-site service would read "0" every week forever).
_RUN_BY = {
    "parts_requests": Capability.ANSWER_PARTS,
    "service_requests": Capability.SCHEDULE_SERVICE,
}


def lines_for(profile: Profile) -> tuple[Line, ...]:
    """The lines this desk's scorecard shows: every line but those of processes it does not run."""
    return tuple(
        line
        for line in LINES
        if str(line.key) not in _RUN_BY or profile.people_with_capability(_RUN_BY[str(line.key)])
    )


def convert(value: float | None, raw: Unit, unit: Unit, minutes_per_day: int) -> float | None:
    """A duration from its raw unit into `unit` (other units pass through)."""
    if value is None or raw == unit or raw not in (*_MINUTES, Unit.BUSINESS_DAYS):
        return value
    minutes = value * minutes_per_day if raw is Unit.BUSINESS_DAYS else value * _MINUTES[raw]
    return minutes / minutes_per_day if unit is Unit.BUSINESS_DAYS else minutes / _MINUTES[unit]


def figures(profile: Profile, week: WeekMeasures, before: WeekMeasures) -> tuple[Figure, ...]:
    """Every line for `week` beside `before` and the profile's targets, the headline first.

    A line with a target is shown in the target's unit and under the target's label; a line
    only some desks measure (`listed_only`) is left out where the profile sets it no target.
    """
    targets = {t.metric.value: t for t in (profile.scorecard.targets if profile.scorecard else ())}
    per_day = profile.business_hours.minutes_per_day
    built = []
    for line in lines_for(profile):
        target = targets.get(str(line.key))
        if line.listed_only and target is None:
            continue
        unit = target.unit if target else line.unit
        built.append(
            Figure(
                key=str(line.key),
                label=target.label if target else line.label,
                unit=unit,
                value=convert(line.read(week), line.raw, unit, per_day),
                previous=convert(line.read(before), line.raw, unit, per_day),
                target=target,
            )
        )
    lead = next((t.metric.value for t in targets.values() if t.headline), Metric.REOPEN_RATE_PCT)
    return tuple(sorted(built, key=lambda f: f.key != lead))


def shown(value: float | None, unit: Unit) -> str:
    """A value as the card prints it: "15.0%", "95 min", "1.3 days", "4"; "—" for none."""
    if value is None:
        return NO_VALUE
    if unit is Unit.PERCENT:
        return f"{value:.1f}%"
    if unit is Unit.BUSINESS_MINUTES:
        return f"{value:.0f} min"
    if unit is Unit.BUSINESS_HOURS:
        return f"{value:.1f} h"
    if unit is Unit.BUSINESS_DAYS:
        return f"{value:.1f} days"
    return f"{value:.0f}"


def shown_target(target: ScorecardTarget | None) -> str:
    """ "≤ 5.0%", "≥ 95.0%"; "—" without a target."""
    if target is None:
        return NO_VALUE
    sign = "≥" if target.direction is Direction.AT_LEAST else "≤"
    return f"{sign} {shown(target.value, target.unit)}"


def shown_change(figure: Figure) -> str:
    """The change from the week before: "+2.5 pts", "−3", "+12 min", "no change"; "—" if unknown."""
    change = figure.change
    if change is None:
        return NO_VALUE
    if abs(change) < 0.05:
        return "no change"
    sign = "+" if change > 0 else "−"
    if figure.unit is Unit.PERCENT:
        return f"{sign}{abs(change):.1f} pts"
    return sign + shown(abs(change), figure.unit)


def shown_verdict(figure: Figure) -> str:
    """ "met", "missed", or "—" without a target or a value."""
    return {True: "met", False: "missed", None: NO_VALUE}[figure.met]
