"""What a failed HubSpot call means for its caller: wait, try later, fix the token, or give up.

HubSpot's error body is {"status": "error", "message", "correlationId", "category", ...}; its
rate-limit answers (429) carry {"errorType": "RATE_LIMIT", "policyName": "SECONDLY" |
"TEN_SECONDLY_ROLLING" | "DAILY"} (older answers: "category": "RATE_LIMITS" and no policy) and,
for the ten-secondly limit, X-HubSpot-RateLimit-Interval-Milliseconds. Retry-After, when a 429
has one, is the server's word and wins.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx

from services.delivery.retry import parse_retry_after

# Without Retry-After: a search's per-second limit frees within a second; the burst limit is a
# rolling ten seconds (or what its interval header says); the daily limit resets at the
# account's midnight, so an hour is as good a guess as any and keeps the caller from hammering.
_POLICY_WAIT = {"SECONDLY": 1.0, "TEN_SECONDLY_ROLLING": 10.0, "DAILY": 3600.0}
_DEFAULT_WAIT = 10.0
_REASON_LIMIT = 300
_INVALID_PROPERTIES = "Property values were not valid: "


class HubSpotError(Exception):
    """A HubSpot call that did not succeed."""


class HubSpotRateLimited(HubSpotError):
    """429: wait `retry_after` seconds and send the same request again; `policy` names the limit
    (SECONDLY for the search endpoints, TEN_SECONDLY_ROLLING, DAILY, or "" when unnamed)."""

    def __init__(self, retry_after: float, policy: str = "") -> None:
        named = f" ({policy})" if policy else ""
        super().__init__(f"HubSpot rate limit{named}: retry after {retry_after:g}s")
        self.retry_after = retry_after
        self.policy = policy


class HubSpotUnavailable(HubSpotError):
    """5xx, a timeout or a broken connection: HubSpot is slow or down; try again later."""


class HubSpotRefused(HubSpotError):
    """401/403: the access token is wrong, revoked, or lacks a scope; nothing works until fixed."""


class HubSpotRejected(HubSpotError):
    """Another 4xx: HubSpot will never accept this request; `category` and `reason` are its own."""

    def __init__(self, status: int, category: str, reason: str) -> None:
        super().__init__(f"HubSpot refused it ({status} {category}): {reason}")
        self.status = status
        self.category = category
        self.reason = reason


def classify(response: httpx.Response) -> HubSpotError:
    """The error a non-2xx answer stands for, in words a person can act on."""
    status = response.status_code
    body = _body(response)
    if status == 429:
        policy = str(body.get("policyName") or "")
        return HubSpotRateLimited(wait_of(response, policy), policy)
    if status >= 500:
        return HubSpotUnavailable(f"HubSpot answered {status}: {reason(body) or 'server error'}")
    if status == 401:
        return HubSpotRefused(
            "HubSpot refused the access token (401): HUBSPOT_ACCESS_TOKEN is wrong, revoked or "
            "rotated; paste the app's current token"
        )
    if status == 403:
        return HubSpotRefused(
            f"HubSpot refused the access token (403 {body.get('category') or 'FORBIDDEN'}): the "
            f"app lacks a scope it needs; {reason(body) or 'check its scopes'}"
        )
    category = str(body.get("category") or "HTTP_ERROR")
    return HubSpotRejected(status, category, reason(body) or f"HTTP {status}")


def wait_of(response: httpx.Response, policy: str) -> float:
    """Seconds to wait after a 429: Retry-After, else the interval header of the ten-secondly
    limit, else what the named policy's window suggests."""
    given = parse_retry_after(response.headers.get("Retry-After"), datetime.now(UTC))
    if given is not None:
        return given
    # The interval header describes the ten-secondly window; it says nothing of the others.
    interval = response.headers.get("X-HubSpot-RateLimit-Interval-Milliseconds")
    if policy in {"TEN_SECONDLY_ROLLING", ""} and interval and interval.strip().isdigit():
        return int(interval) / 1000
    return _POLICY_WAIT.get(policy, _DEFAULT_WAIT)


def reason(body: dict[str, Any]) -> str:
    """HubSpot's own words for an error: its message and, for validation errors, the details."""
    words = _property_words(str(body.get("message") or ""))
    details = body.get("errors")
    if isinstance(details, list):
        found = [str(d.get("message")) for d in details if isinstance(d, dict) and d.get("message")]
        if found and not words:
            words = "; ".join(found)
    return words[:_REASON_LIMIT]


def _property_words(message: str) -> str:
    """A refused property value's message without its JSON: HubSpot words it "Property values
    were not valid: [{"isValid": false, "message": ..., "name": ...}, ...]"."""
    head, _, listed = message.partition(_INVALID_PROPERTIES)
    if head or not listed:
        return message
    try:
        items = json.loads(listed)
    except ValueError:
        return message
    if not isinstance(items, list):
        return message
    found = [str(i.get("message")) for i in items if isinstance(i, dict) and i.get("message")]
    return f"{_INVALID_PROPERTIES}{'; '.join(found)}" if found else message


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        text = response.text.strip()[:_REASON_LIMIT]
        return {"message": text} if text else {}
    return data if isinstance(data, dict) else {}
