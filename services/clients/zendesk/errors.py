"""What a failed Zendesk call means for whoever sent it: wait, retry, re-read, or give up."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

# A 429 without a usable Retry-After waits a full rate-limit window, Zendesk's unit.
DEFAULT_RETRY_AFTER = 60.0
_REASON_LIMIT = 300


class ZendeskError(Exception):
    """A Zendesk call that did not succeed."""


class RateLimited(ZendeskError):
    """429: wait `retry_after` seconds, then send the same request again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"Zendesk rate limit: retry after {retry_after:g}s")
        self.retry_after = retry_after


class Transient(ZendeskError):
    """5xx, a timeout or a broken connection: back off and retry; the change may have applied.

    `retry_after` is set when Zendesk said how long to wait (a 503 during maintenance does).
    """

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Conflict(ZendeskError):
    """409: someone else changed the ticket first; re-read it and apply the change again."""


class Rejected(ZendeskError):
    """400/403/404/422: Zendesk will never accept this request; `reason` says why in words."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"Zendesk refused it ({status}): {reason}")
        self.status = status
        self.reason = reason


class AuthFailed(ZendeskError):
    """401: the e-mail or API token is wrong or was revoked; nothing will work until fixed."""


def classify(response: httpx.Response) -> ZendeskError:
    """The error a non-2xx answer stands for."""
    status = response.status_code
    if status == 429:
        return RateLimited(retry_after(response.headers.get("Retry-After")))
    if status >= 500:
        given = response.headers.get("Retry-After")
        return Transient(f"Zendesk answered {status}", retry_after(given) if given else None)
    if status == 401:
        return AuthFailed("Zendesk refused the API token (401): check ZENDESK_EMAIL/API_TOKEN")
    if status == 409:
        return Conflict(reason(response) or "the ticket changed meanwhile")
    return Rejected(status, reason(response) or f"HTTP {status}")


def retry_after(value: str | None) -> float:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date Zendesk never sends
    but a proxy in front of it might)."""
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


def reason(response: httpx.Response) -> str:
    """Zendesk's own words for an error, from whichever of its error shapes the body has."""
    try:
        body = response.json()
    except ValueError:
        return response.text.strip()[:_REASON_LIMIT]
    return _words(body)[:_REASON_LIMIT]


def _words(body: Any) -> str:
    if not isinstance(body, dict):
        return ""
    # {"error": "RecordInvalid", "description": "...", "details": {"field": [{"description"}]}}
    details = body.get("details")
    if isinstance(details, dict):
        found = [
            str(item.get("description"))
            for items in details.values()
            if isinstance(items, list)
            for item in items
            if isinstance(item, dict) and item.get("description")
        ]
        if found:
            return "; ".join(found)
    error = body.get("error")
    # {"error": {"title": "Forbidden", "message": "..."}}
    if isinstance(error, dict):
        return str(error.get("message") or error.get("title") or "")
    if body.get("description"):
        return str(body["description"])
    # {"errors": [{"code", "title", "detail"}]} (the newer APIs)
    errors = body.get("errors")
    if isinstance(errors, list):
        return "; ".join(
            str(e.get("detail") or e.get("title") or e.get("code"))
            for e in errors
            if isinstance(e, dict)
        )
    return str(error or "")
