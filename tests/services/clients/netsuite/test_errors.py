"""NetSuite's answers mapped to what the caller does: wait, retry later, or give up."""

from __future__ import annotations

import httpx
import pytest

from services.clients.netsuite import NetSuiteRateLimited, NetSuiteRejected, NetSuiteUnavailable
from services.clients.netsuite.errors import DEFAULT_RETRY_AFTER, classify


def answer(status: int, body: dict | None = None, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def problem(status: int, title: str, detail: str, code: str) -> dict:
    return {
        "type": "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html",
        "title": title,
        "status": status,
        "o:errorDetails": [{"detail": detail, "o:errorCode": code}],
    }


def test_429_waits_what_retry_after_says_else_a_few_seconds():
    limited = classify(
        answer(429, problem(429, "Too Many Requests", "", "X"), **{"Retry-After": "7"})
    )
    assert isinstance(limited, NetSuiteRateLimited) and limited.retry_after == 7.0
    bare = classify(answer(429))
    assert isinstance(bare, NetSuiteRateLimited) and bare.retry_after == DEFAULT_RETRY_AFTER


def test_a_concurrency_error_code_is_a_rate_limit_whatever_its_status():
    body = problem(
        400, "Bad Request", "Too many concurrent requests.", "CONCURRENCY_LIMIT_EXCEEDED"
    )
    assert isinstance(classify(answer(400, body)), NetSuiteRateLimited)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_is_unavailable(status):
    assert isinstance(classify(answer(status)), NetSuiteUnavailable)


def test_another_4xx_is_rejected_with_netsuites_title_detail_and_code():
    detail = "Error while accessing resource: You have entered an Invalid Field Value 9999"
    refused = classify(answer(400, problem(400, "Bad Request", detail, "INVALID_CONTENT")))
    assert isinstance(refused, NetSuiteRejected)
    assert (refused.status, refused.title, refused.detail, refused.code) == (
        400,
        "Bad Request",
        detail,
        "INVALID_CONTENT",
    )
    assert "INVALID_CONTENT" in str(refused)


def test_a_body_that_is_not_netsuites_still_says_something():
    refused = classify(httpx.Response(404, text="<html>Not here</html>"))
    assert isinstance(refused, NetSuiteRejected)
    assert (refused.status, refused.title, refused.code) == (404, "HTTP 404", None)
    assert refused.detail == "<html>Not here</html>"
