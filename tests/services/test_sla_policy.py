"""SLA policy without a database: deadlines from creation, pause and resume, next checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.sla.policy import (
    Deadline,
    SlaState,
    Threshold,
    checks,
    fired,
    next_check_at,
    settle,
    shown_minutes,
)
from services.tickets.rules import business_clock
from tests.harness.domain import BESTPACK

PT = ZoneInfo("America/Los_Angeles")
CLOCK = business_clock(BESTPACK)
URGENT = BESTPACK.sla_target("urgent")  # ack 60, first response 60, resolution 720
HIGH = BESTPACK.sla_target("high")  # ack 60, first response 120, resolution 1440
D, T = Deadline, Threshold
NOTHING = dict.fromkeys(Deadline)


def pt(day: int, hour: int, minute: int = 0) -> datetime:
    """A Pacific time in the week of Monday 30 Nov 2026 (day 30 = Monday, 4 = Friday)."""
    month = 11 if day >= 30 else 12
    return datetime(2026, month, day, hour, minute, tzinfo=PT).astimezone(UTC)


def opened(at: datetime, target=URGENT) -> SlaState:
    """The SLA of a ticket created at `at`."""
    return settle(SlaState(at, NOTHING, NOTHING), target, CLOCK, paused=False, now=at)


def met(state: SlaState, **when: datetime) -> SlaState:
    """`state` with deadlines met at the given times (acknowledge=..., first_response=...)."""
    return SlaState(
        state.created_at,
        state.due,
        {**state.met, **{D(k): v for k, v in when.items()}},
        state.paused_at,
        state.paused_minutes,
    )


def test_deadlines_count_business_minutes_from_creation() -> None:
    state = opened(pt(30, 9))
    assert state.due == {
        D.ACKNOWLEDGE: pt(30, 10),
        D.FIRST_RESPONSE: pt(30, 10),
        D.RESOLUTION: pt(1, 9),  # 720 business minutes: Monday 09:00-17:00 and Tuesday 05:00-09:00
    }
    assert (state.paused_at, state.paused_minutes) == (None, 0.0)


def test_a_ticket_filed_on_friday_evening_is_due_monday_morning() -> None:
    state = opened(pt(4, 18))
    assert state.due[D.ACKNOWLEDGE] == datetime(2026, 12, 7, 6, tzinfo=PT)


def test_a_pause_moves_every_unmet_deadline_by_the_business_minutes_paused() -> None:
    state = opened(pt(30, 9))
    paused = settle(state, URGENT, CLOCK, paused=True, now=pt(30, 9, 30))
    assert paused.paused_at == pt(30, 9, 30)
    assert paused.due == state.due, "the due times stand still while paused"
    # Paused Monday 16:00 .. Tuesday 06:00 would be 120 business minutes; here 09:30 .. 11:30.
    resumed = settle(paused, URGENT, CLOCK, paused=False, now=pt(30, 11, 30))
    assert (resumed.paused_at, resumed.paused_minutes) == (None, 120)
    assert resumed.due == {
        D.ACKNOWLEDGE: pt(30, 12),
        D.FIRST_RESPONSE: pt(30, 12),
        D.RESOLUTION: pt(1, 11),
    }


def test_a_pause_over_night_counts_only_business_minutes() -> None:
    paused = settle(opened(pt(30, 9)), URGENT, CLOCK, paused=True, now=pt(30, 16))
    resumed = settle(paused, URGENT, CLOCK, paused=False, now=pt(1, 6))
    assert resumed.paused_minutes == 120  # Monday 16:00-17:00 and Tuesday 05:00-06:00
    assert resumed.due[D.RESOLUTION] == pt(1, 11)


def test_a_deadline_met_before_the_pause_keeps_its_due_time() -> None:
    answered = met(opened(pt(30, 9)), acknowledge=pt(30, 9, 40), first_response=pt(30, 9, 45))
    paused = settle(answered, URGENT, CLOCK, paused=True, now=pt(30, 10))
    resumed = settle(paused, URGENT, CLOCK, paused=False, now=pt(30, 12))
    assert resumed.due[D.FIRST_RESPONSE] == pt(30, 10), "a late answer must stay late"
    assert resumed.due[D.RESOLUTION] == pt(1, 11)


def test_a_deadline_met_while_paused_keeps_the_pause_up_to_then() -> None:
    paused = settle(opened(pt(30, 9)), URGENT, CLOCK, paused=True, now=pt(30, 9, 50))
    answered = settle(
        met(paused, first_response=pt(30, 10, 30)), URGENT, CLOCK, paused=True, now=pt(30, 10, 30)
    )
    assert answered.due[D.FIRST_RESPONSE] == pt(30, 10, 40)  # 60 + the 40 minutes paused so far
    resumed = settle(answered, URGENT, CLOCK, paused=False, now=pt(30, 11, 50))
    assert resumed.due[D.FIRST_RESPONSE] == pt(30, 10, 40), "frozen once met"
    assert resumed.due[D.ACKNOWLEDGE] == pt(30, 12)


def test_a_priority_change_recomputes_from_creation_with_the_pauses() -> None:
    paused = settle(opened(pt(30, 9)), URGENT, CLOCK, paused=True, now=pt(30, 9, 30))
    resumed = settle(paused, URGENT, CLOCK, paused=False, now=pt(30, 10))
    lowered = settle(resumed, HIGH, CLOCK, paused=False, now=pt(30, 10, 5))
    assert lowered.due[D.FIRST_RESPONSE] == pt(30, 11, 30)  # 120 + 30 paused
    assert lowered.due[D.RESOLUTION] == pt(2, 9, 30)  # 1440 + 30


def test_settling_twice_changes_nothing() -> None:
    paused = settle(opened(pt(30, 9)), URGENT, CLOCK, paused=True, now=pt(30, 9, 30))
    assert settle(paused, URGENT, CLOCK, paused=True, now=pt(30, 9, 30)) == paused
    resumed = settle(paused, URGENT, CLOCK, paused=False, now=pt(30, 10))
    assert settle(resumed, URGENT, CLOCK, paused=False, now=pt(30, 10)) == resumed


def test_the_warning_comes_fifteen_business_minutes_before_each_deadline() -> None:
    found = checks(opened(pt(30, 9)), CLOCK, 15)
    assert [(c.deadline, c.threshold, c.at) for c in found] == [
        (D.ACKNOWLEDGE, T.WARNING, pt(30, 9, 45)),
        (D.FIRST_RESPONSE, T.WARNING, pt(30, 9, 45)),
        (D.ACKNOWLEDGE, T.BREACH, pt(30, 10)),
        (D.FIRST_RESPONSE, T.BREACH, pt(30, 10)),
        (D.RESOLUTION, T.WARNING, pt(1, 8, 45)),
        (D.RESOLUTION, T.BREACH, pt(1, 9)),
    ]
    assert next_check_at(found) == pt(30, 9, 45)
    assert next_check_at(found, after=pt(30, 10)) == pt(1, 8, 45)


def test_a_warning_before_an_early_deadline_falls_before_the_close() -> None:
    # Due Tuesday 05:10: fifteen business minutes earlier is Monday 16:55, not Tuesday 04:55.
    state = opened(pt(30, 16, 10))
    [warning] = [c for c in checks(state, CLOCK, 15) if c.threshold is T.WARNING][:1]
    assert (warning.due_at, warning.at) == (pt(1, 5, 10), pt(30, 16, 55))


def test_met_deadlines_and_paused_tickets_have_no_checks() -> None:
    answered = met(opened(pt(30, 9)), acknowledge=pt(30, 9, 5), first_response=pt(30, 9, 5))
    assert {c.deadline for c in checks(answered, CLOCK, 15)} == {D.RESOLUTION}
    paused = settle(opened(pt(30, 9)), URGENT, CLOCK, paused=True, now=pt(30, 9, 30))
    assert checks(paused, CLOCK, 15) == []
    assert next_check_at([]) is None


def test_a_breach_makes_the_warning_of_its_deadline_moot() -> None:
    found = checks(opened(pt(30, 9)), CLOCK, 15)
    assert [(c.deadline, c.threshold) for c in fired(found, pt(30, 9, 50))] == [
        (D.ACKNOWLEDGE, T.WARNING),
        (D.FIRST_RESPONSE, T.WARNING),
    ]
    assert [(c.deadline, c.threshold) for c in fired(found, pt(1, 8, 50))] == [
        (D.ACKNOWLEDGE, T.BREACH),
        (D.FIRST_RESPONSE, T.BREACH),
        (D.RESOLUTION, T.WARNING),
    ]


def test_time_reads_in_business_minutes_then_hours() -> None:
    assert [shown_minutes(m) for m in (0.4, 1, 59.6, 60, 125, 1505)] == [
        "0 business minutes",
        "1 business minute",
        "1 hour of business time",
        "1 hour of business time",
        "2 h 5 min of business time",
        "25 h 5 min of business time",
    ]


MICROSECOND_IN_MINUTES = 1 / 60_000_000
LAWS = settings(max_examples=100, derandomize=True, database=None, deadline=None)
instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 6, 30), timezones=st.just(UTC)
)
spans = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20))


@LAWS
@given(instants, spans, spans, spans)
def test_resuming_adds_exactly_the_business_minutes_paused_to_every_unmet_deadline(
    created: datetime, before: timedelta, length: timedelta, second: timedelta
) -> None:
    state = opened(created)
    paused_at = created + before
    resumed_at = paused_at + length
    paused = settle(state, URGENT, CLOCK, paused=True, now=paused_at)
    resumed = settle(paused, URGENT, CLOCK, paused=False, now=resumed_at)
    pause = CLOCK.between(paused_at, resumed_at)
    for deadline in Deadline:
        # Exact to the microsecond the clock works in (minutes are floats of microseconds).
        assert CLOCK.between(created, resumed.due[deadline]) == pytest.approx(
            CLOCK.between(created, state.due[deadline]) + pause, abs=MICROSECOND_IN_MINUTES
        )
        assert resumed.due[deadline] >= state.due[deadline]
    # A second pause adds up with the first.
    again = settle(resumed, URGENT, CLOCK, paused=True, now=resumed_at + second)
    done = settle(again, URGENT, CLOCK, paused=False, now=resumed_at + second + length)
    second_pause = CLOCK.between(resumed_at + second, resumed_at + second + length)
    assert done.paused_minutes == pytest.approx(pause + second_pause, abs=MICROSECOND_IN_MINUTES)


@LAWS
@given(instants, st.integers(min_value=0, max_value=100))
def test_every_warning_is_the_warning_span_before_its_deadline_or_at_the_start(
    created: datetime, warn: int
) -> None:
    for check in checks(opened(created), CLOCK, warn):
        if check.threshold is Threshold.WARNING:
            left = CLOCK.between(check.at, check.due_at)
            expected = min(warn, CLOCK.between(created, check.due_at))
            assert left == pytest.approx(expected, abs=MICROSECOND_IN_MINUTES)
            assert check.at <= check.due_at
