"""Whether a webhook request really comes from our Zendesk: its HMAC signature and its age.

Zendesk signs `timestamp + raw body` with the webhook's signing secret (HMAC-SHA256, base64)
and sends the result in X-Zendesk-Webhook-Signature, the timestamp (ISO 8601, UTC) in
X-Zendesk-Webhook-Signature-Timestamp (developer.zendesk.com/documentation/webhooks/verifying).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime, timedelta

SIGNATURE = "X-Zendesk-Webhook-Signature"
TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp"
# A captured request replayed later than this is refused; Zendesk retries sign afresh.
MAX_AGE = timedelta(minutes=5)


class BadSignature(Exception):
    """The request is not a fresh one signed with our secret (the words say which check failed;
    they are for the log, never for the caller)."""


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature Zendesk sends for `body` signed at `timestamp`."""
    digest = hmac.new(secret.encode(), timestamp.encode() + body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def verify(
    headers: Mapping[str, str],
    body: bytes,
    secret: str,
    now: datetime,
    max_age: timedelta = MAX_AGE,
) -> None:
    """Return when the request is signed with `secret` within `max_age` of `now`, else raise
    BadSignature."""
    signature = _header(headers, SIGNATURE)
    timestamp = _header(headers, TIMESTAMP)
    if not signature or not timestamp:
        raise BadSignature("unsigned: the signature or its timestamp header is missing")
    try:
        signed_at = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
    except ValueError as error:
        raise BadSignature("the signature timestamp is not an ISO 8601 time") from error
    if signed_at.tzinfo is None:
        raise BadSignature("the signature timestamp has no time zone")
    if abs(now - signed_at) > max_age:
        raise BadSignature(f"stale: signed at {timestamp}, more than {max_age} from now")
    # Constant time, so a forger learns nothing from how long the refusal took.
    expected = sign(secret, timestamp, body).encode("ascii")
    if not hmac.compare_digest(expected, signature.strip().encode("utf-8", "replace")):
        raise BadSignature("forged: the signature does not match the body and secret")


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name, whatever its case (aiohttp's headers ignore it; a plain dict may not)."""
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)
