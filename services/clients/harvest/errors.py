"""What a failed Harvest call means for its caller: wait, try later, fix the token, or give up.

Harvest answers errors as JSON: {"message": "..."} for a request it will not process (400, 404,
422; its API reference's error object also carries a numeric "code"), and the OAuth form
{"error", "error_description"} when the token or account is refused (401, 403). Over its limit
(100 requests per 15 seconds) it answers 429 with Retry-After in seconds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from services.delivery.retry import parse_retry_after

# A 429 without a usable Retry-After waits out a whole window of Harvest's general limit.
WINDOW_SECONDS = 15.0
_REASON_LIMIT = 300


class HarvestError(Exception):
    """A Harvest call that did not succeed."""


class HarvestRateLimited(HarvestError):
    """429: wait `retry_after` seconds, then send the same request again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"Harvest rate limit: retry after {retry_after:g}s")
        self.retry_after = retry_after


class HarvestTransient(HarvestError):
    """5xx, a timeout or a broken connection: try again later; the request may have applied."""


class HarvestAuthFailed(HarvestError):
    """401/403: the token, the account id or the token's rights are wrong; nothing works until
    HARVEST_TOKEN / HARVEST_ACCOUNT_ID are fixed."""


class HarvestRejected(HarvestError):
    """400/404/422: Harvest will never accept this request; `reason` is Harvest's own words."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"Harvest refused it ({status}): {reason}")
        self.status = status
        self.reason = reason


def classify(response: httpx.Response) -> HarvestError:
    """The error a non-2xx answer stands for, in words a person can act on."""
    status = response.status_code
    if status == 429:
        wait = parse_retry_after(response.headers.get("Retry-After"), datetime.now(UTC))
        return HarvestRateLimited(WINDOW_SECONDS if wait is None else wait)
    if status >= 500:
        return HarvestTransient(f"Harvest answered {status}: {reason(response) or 'server error'}")
    if status in (401, 403):
        said = reason(response) or f"HTTP {status}"
        return HarvestAuthFailed(
            f"Harvest refused the token ({status}: {said}): check HARVEST_TOKEN and "
            "HARVEST_ACCOUNT_ID, and that the token's user may track time for others"
        )
    return HarvestRejected(status, reason(response) or f"HTTP {status}")


def reason(response: httpx.Response) -> str:
    """Harvest's own words for an error, from whichever of its error shapes the body has."""
    try:
        body = response.json()
    except ValueError:
        return response.text.strip()[:_REASON_LIMIT]
    return _words(body)[:_REASON_LIMIT]


def _words(body: Any) -> str:
    if not isinstance(body, dict):
        return ""
    for key in ("message", "error_description", "error"):
        if isinstance(body.get(key), str) and body[key].strip():
            return body[key].strip()
    return ""
