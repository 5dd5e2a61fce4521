"""SLA policy as pure functions: a ticket's deadlines, pausing, and when to look at it next.

Decisions (tests/services/test_sla_policy.py pins each one down):

* Every deadline counts business minutes from the ticket's creation: due = add(created_at,
  target + paused), where `paused` is the business minutes the ticket spent in a paused status
  (profile.sla.paused_statuses) so far. Nothing is shifted in place, so a priority change
  recomputes every unmet deadline from the start, pauses included.
* While paused the stored due times stand still and nothing is checked; on resume the pause's
  business minutes join `paused`, which moves each not-yet-met deadline later by exactly that
  much (Zendesk / Jira Service Management behaviour).
* A deadline is met by its event (acknowledged_at, first_response_at, resolved_at) and its due
  time then freezes, so a later pause cannot turn a late answer into an on-time one. A deadline
  met while paused keeps the pause up to that moment.
* Two thresholds per unmet deadline: a warning `warn_before_breach_minutes` business minutes
  before the due time (at the start of counting when the target is shorter), and the breach at
  the due time itself. Resolved and closed tickets have none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from services.profile.sla import SlaTarget
from services.sla.clock import BusinessClock


class Deadline(StrEnum):
    """The three SLA targets every ticket has."""

    ACKNOWLEDGE = "acknowledge"
    FIRST_RESPONSE = "first_response"
    RESOLUTION = "resolution"


class Threshold(StrEnum):
    """An alert level: time is running out, or it has run out."""

    WARNING = "warning"
    BREACH = "breach"


@dataclass(frozen=True, slots=True)
class SlaState:
    """What the SLA of one ticket depends on and what it stores (the ticket's SLA columns)."""

    created_at: datetime
    due: Mapping[Deadline, datetime | None]
    met: Mapping[Deadline, datetime | None]
    paused_at: datetime | None = None
    paused_minutes: float = 0.0


@dataclass(frozen=True, slots=True)
class Check:
    """One threshold of one deadline: at `at` it fires; `due_at` is the deadline itself."""

    deadline: Deadline
    threshold: Threshold
    at: datetime
    due_at: datetime


def target_minutes(target: SlaTarget, deadline: Deadline) -> int:
    """The profile's target for `deadline`, in business minutes from creation."""
    return int(getattr(target, deadline.value))


def settle(
    state: SlaState, target: SlaTarget, clock: BusinessClock, *, paused: bool, now: datetime
) -> SlaState:
    """The state after a change made at `now`, with the ticket now `paused` or running.

    Idempotent: settling a settled state at the same `now` changes nothing.
    """
    ongoing = clock.between(state.paused_at, now) if state.paused_at is not None else 0.0
    # Business minutes paused up to now, the running pause included.
    so_far = state.paused_minutes + ongoing
    if paused:
        paused_at, paused_minutes = state.paused_at or now, state.paused_minutes
    else:
        paused_at, paused_minutes = None, so_far
    due: dict[Deadline, datetime | None] = {}
    for deadline in Deadline:
        met, stored = state.met.get(deadline), state.due.get(deadline)
        minutes = target_minutes(target, deadline)
        if met is None:
            due[deadline] = clock.add(state.created_at, minutes + paused_minutes)
        elif met >= now or stored is None:
            # Met by this very change: frozen with the pause so far, the running one included.
            due[deadline] = clock.add(state.created_at, minutes + so_far)
        else:
            due[deadline] = stored
    return SlaState(state.created_at, due, state.met, paused_at, paused_minutes)


def checks(state: SlaState, clock: BusinessClock, warn_minutes: int) -> list[Check]:
    """Both thresholds of every unmet deadline, in time order; none while paused."""
    if state.paused_at is not None:
        return []
    found: list[Check] = []
    for deadline in Deadline:
        due = state.due.get(deadline)
        if due is None or state.met.get(deadline) is not None:
            continue
        # The warning is `warn_minutes` of business time before the due time: counting from
        # creation to the due time and stepping back needs no subtraction on the clock.
        total = clock.between(state.created_at, due)
        warn_at = clock.add(state.created_at, max(0.0, total - warn_minutes))
        found.append(Check(deadline, Threshold.WARNING, warn_at, due))
        found.append(Check(deadline, Threshold.BREACH, due, due))
    return sorted(found, key=lambda check: (check.at, check.threshold != Threshold.WARNING))


def next_check_at(found: Iterable[Check], after: datetime | None = None) -> datetime | None:
    """The earliest threshold instant (strictly after `after`, when given); None if none left."""
    instants = [c.at for c in found if after is None or c.at > after]
    return min(instants, default=None)


def fired(found: Iterable[Check], now: datetime) -> list[Check]:
    """The checks that have come by `now`; a breach makes its own deadline's warning moot."""
    come = [check for check in found if check.at <= now]
    breached = {c.deadline for c in come if c.threshold is Threshold.BREACH}
    return [c for c in come if c.threshold is Threshold.BREACH or c.deadline not in breached]


def minutes_late(clock: BusinessClock, due: datetime, now: datetime) -> float:
    """Business minutes past the due time (0.0 when not yet due)."""
    return clock.between(due, now)


def minutes_left(clock: BusinessClock, due: datetime, now: datetime) -> float:
    """Business minutes until the due time (0.0 when already due)."""
    return clock.between(now, due)


def shown_minutes(minutes: float) -> str:
    """Business time as people say it: "12 business minutes", "2 h 5 min of business time"."""
    whole = max(0, round(minutes))
    if whole < 60:
        unit = "minute" if whole == 1 else "minutes"
        return f"{whole} business {unit}"
    hours, rest = divmod(whole, 60)
    if rest:
        return f"{hours} h {rest} min of business time"
    return f"{hours} {'hour' if hours == 1 else 'hours'} of business time"
