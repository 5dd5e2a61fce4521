"""Which failures are retried, how long the back-off waits, and how Retry-After is read."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from hypothesis import given
from hypothesis import strategies as st

from services.delivery import RetryPolicy, parse_retry_after

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def policy(**options) -> RetryPolicy:
    return RetryPolicy(rng=random.Random(7), **options)


def test_teams_transient_statuses_and_no_answer_are_retried():
    for status in (412, 429, 502, 503, 504, None):
        assert policy().verdict(status, 1, None).action == "retry"


def test_a_blocked_app_or_a_gone_conversation_is_held_not_retried():
    for status in (403, 404):
        verdict = policy().verdict(status, 1, None)
        assert (verdict.action, verdict.delay) == ("hold", 0.0)


def test_a_refusal_that_would_repeat_is_dead_at_once():
    for status in (400, 401, 413, 500):
        assert policy().verdict(status, 1, None).action == "dead"


def test_the_last_attempt_dead_letters_the_message():
    assert policy(max_attempts=3).verdict(503, 2, None).action == "retry"
    verdict = policy(max_attempts=3).verdict(503, 3, None)
    assert (verdict.action, verdict.reason) == ("dead", "HTTP 503, and that was attempt 3 of 3")


@given(
    attempt=st.integers(1, 40),
    base=st.floats(0.01, 10),
    cap=st.floats(0.01, 1000),
    seed=st.integers(0, 2**32),
)
def test_full_jitter_stays_between_zero_and_the_capped_exponential(attempt, base, cap, seed):
    rule = RetryPolicy(base_seconds=base, cap_seconds=cap, rng=random.Random(seed))
    assert 0.0 <= rule.backoff(attempt) <= min(cap, base * 2 ** (attempt - 1))


def test_the_back_off_grows_on_average_and_spreads_senders_out():
    rule = policy(base_seconds=1.0, cap_seconds=1000.0)
    means = [sum(rule.backoff(n) for _ in range(2000)) / 2000 for n in (1, 3, 5)]
    assert means[0] < means[1] < means[2]
    assert len({round(rule.backoff(4), 6) for _ in range(50)}) == 50


@given(retry_after=st.floats(0, 3600), attempt=st.integers(1, 7))
def test_retry_after_is_a_floor_on_the_wait(retry_after, attempt):
    verdict = policy(max_attempts=8).verdict(429, attempt, retry_after)
    assert verdict.action == "retry" and verdict.delay >= retry_after


def test_retry_after_in_seconds_or_as_an_http_date():
    assert parse_retry_after("120", NOW) == 120.0
    assert parse_retry_after(" 0.25 ", NOW) == 0.25
    in_90s = format_datetime(NOW + timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(in_90s, NOW) == 90.0
    past = format_datetime(NOW - timedelta(seconds=5), usegmt=True)
    assert parse_retry_after(past, NOW) == 0.0
    assert parse_retry_after("-3", NOW) == 0.0


def test_a_missing_or_unreadable_retry_after_leaves_the_back_off_alone():
    for value in (None, "", "soon", "Thu, 99 Foo 2026"):
        assert parse_retry_after(value, NOW) is None
