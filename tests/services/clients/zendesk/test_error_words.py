"""Zendesk's several error shapes all come out as its own words; Retry-After in either form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from services.clients.zendesk.errors import DEFAULT_RETRY_AFTER, reason, retry_after


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            {
                "error": "RecordInvalid",
                "description": "Record validation errors",
                "details": {"status": [{"description": "Status: closed prevents ticket update"}]},
            },
            "Status: closed prevents ticket update",
        ),
        ({"error": "RecordNotFound", "description": "Not found"}, "Not found"),
        (
            {"error": {"title": "Forbidden", "message": "You do not have access"}},
            "You do not have access",
        ),
        (
            {"errors": [{"code": "TooManyValues", "title": "Too many", "detail": "Max 100"}]},
            "Max 100",
        ),
        ({"error": "InvalidEndpoint"}, "InvalidEndpoint"),
    ],
)
def test_the_reason_is_zendesks_own_words(body, words):
    assert reason(httpx.Response(422, json=body)) == words


def test_a_plain_text_error_is_kept_short():
    assert reason(httpx.Response(400, text="Bad request " * 100)).startswith("Bad request")
    assert len(reason(httpx.Response(400, text="x" * 5000))) == 300


def test_retry_after_reads_seconds_and_dates():
    later = datetime.now(UTC) + timedelta(seconds=90)

    assert retry_after("3") == 3
    assert 85 <= retry_after(format_datetime(later, usegmt=True)) <= 90
    assert retry_after(None) == retry_after("soon") == DEFAULT_RETRY_AFTER
