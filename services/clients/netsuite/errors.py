"""What a failed NetSuite call means for whoever made it: wait, retry later, or give up.

NetSuite's REST errors are RFC 7807-style bodies ("Error Handling in REST Web Services"):
{"type", "title", "status", "o:errorDetails": [{"detail", "o:errorCode", "o:errorPath"?}]}.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

# The concurrency limit answers 429, usually without Retry-After: a slot frees within seconds.
DEFAULT_RETRY_AFTER = 5.0
CONCURRENCY = "CONCURRENCY_LIMIT_EXCEEDED"
_WORDS_LIMIT = 300


class NetSuiteError(Exception):
    """A NetSuite call that did not succeed."""


class NetSuiteRateLimited(NetSuiteError):
    """429 (the account's concurrency limit): send the same request again after retry_after."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"NetSuite concurrency limit: retry after {retry_after:g}s")
        self.retry_after = retry_after


class NetSuiteUnavailable(NetSuiteError):
    """5xx, a timeout or a broken connection: retry later; a write may have been applied."""


class NetSuiteRejected(NetSuiteError):
    """Any other 4xx: NetSuite will not accept this request as it is (401 included: the
    token is wrong or revoked). `code` is NetSuite's o:errorCode, e.g. INVALID_LOGIN."""

    def __init__(self, status: int, title: str, detail: str, code: str | None) -> None:
        words = f"{title}: {detail}" if detail else title
        super().__init__(f"NetSuite refused it ({status}{f' {code}' if code else ''}): {words}")
        self.status = status
        self.title = title
        self.detail = detail
        self.code = code


def classify(response: httpx.Response) -> NetSuiteError:
    """The error a non-2xx answer stands for."""
    status = response.status_code
    title, detail, code = _problem(response)
    if status == 429 or code == CONCURRENCY:
        return NetSuiteRateLimited(retry_after(response.headers.get("Retry-After")))
    if status >= 500:
        return NetSuiteUnavailable(f"NetSuite answered {status}{f': {detail}' if detail else ''}")
    return NetSuiteRejected(status, title or f"HTTP {status}", detail, code)


def retry_after(value: str | None) -> float:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), else the default."""
    if not value:
        return DEFAULT_RETRY_AFTER
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _problem(response: httpx.Response) -> tuple[str, str, str | None]:
    """(title, detail, o:errorCode) from the body, as far as it has them."""
    try:
        body: Any = response.json()
    except ValueError:
        return "", response.text.strip()[:_WORDS_LIMIT], None
    if not isinstance(body, dict):
        return "", "", None
    title = str(body.get("title") or "")[:_WORDS_LIMIT]
    details = body.get("o:errorDetails")
    first = details[0] if isinstance(details, list) and details else {}
    if not isinstance(first, dict):
        return title, "", None
    code = first.get("o:errorCode")
    detail = str(first.get("detail") or "")[:_WORDS_LIMIT]
    return title, detail, str(code) if code else None
