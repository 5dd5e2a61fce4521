"""Whether a webhook request really comes from our HubSpot app: its v3 signature and its age.

HubSpot signs every webhook request with X-HubSpot-Signature-v3 = base64(HMAC-SHA256(app client
secret, method + URI + raw body + timestamp)), the timestamp (Unix milliseconds) in
X-HubSpot-Request-Timestamp; a request older than five minutes is to be refused. In the URI,
a dozen URL-encoded characters are decoded first (HubSpot's table: `%3A` → `:`, `%2F` → `/`
...), the rest left as sent (developers.hubspot.com, "Validating requests", v3).

For backward compatibility the same requests also carry X-HubSpot-Signature with
X-HubSpot-Signature-Version v1 (sha256 hex of secret + body) for CRM object webhooks. v1 has no
timestamp, so a captured request could be replayed for ever: since HubSpot sends v3 with every
webhook request, the bot requires v3 and ignores v1. `sign_v1` exists for the test fake.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

SIGNATURE = "X-HubSpot-Signature-v3"
TIMESTAMP = "X-HubSpot-Request-Timestamp"
SIGNATURE_V1 = "X-HubSpot-Signature"
VERSION = "X-HubSpot-Signature-Version"
MAX_AGE = timedelta(minutes=5)
# The characters HubSpot decodes in the URI before signing; any other escape stays as it is.
_DECODED = {
    "%3A": ":", "%2F": "/", "%3F": "?", "%40": "@", "%21": "!", "%24": "$",
    "%27": "'", "%28": "(", "%29": ")", "%2A": "*", "%2C": ",", "%3B": ";",
}  # fmt: skip
_ESCAPE = re.compile("|".join(_DECODED), re.IGNORECASE)
_MAX_STAMP = 16  # digits of a millisecond timestamp, with room to spare


class BadSignature(Exception):
    """The request is not a fresh one signed with our client secret (the words say which check
    failed; they are for the log, never for the caller)."""


def signed_uri(uri: str) -> str:
    """The URI as HubSpot signs it: its table of URL-encoded characters decoded."""
    return _ESCAPE.sub(lambda m: _DECODED[m.group(0).upper()], uri)


def sign(secret: str, method: str, uri: str, body: bytes, timestamp: str) -> str:
    """The X-HubSpot-Signature-v3 HubSpot sends for this request signed at `timestamp`."""
    source = method.upper().encode() + signed_uri(uri).encode() + body + timestamp.encode()
    digest = hmac.new(secret.encode(), source, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def sign_v1(secret: str, body: bytes) -> str:
    """The legacy X-HubSpot-Signature (v1) HubSpot also sends: sha256 hex of secret + body."""
    return hashlib.sha256(secret.encode() + body).hexdigest()


def stamp(when: datetime) -> str:
    """X-HubSpot-Request-Timestamp for a moment: Unix time in milliseconds."""
    return str(int(when.timestamp() * 1000))


def verify(
    headers: Mapping[str, str],
    method: str,
    uri: str,
    body: bytes,
    secret: str,
    now: datetime,
    max_age: timedelta = MAX_AGE,
) -> None:
    """Return when the request carries a v3 signature made with `secret` within `max_age` of
    `now`, else raise BadSignature."""
    signature, timestamp = _header(headers, SIGNATURE), _header(headers, TIMESTAMP)
    if not signature or not timestamp:
        raise BadSignature("unsigned: X-HubSpot-Signature-v3 or its timestamp is missing")
    timestamp = timestamp.strip()
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > _MAX_STAMP:
        raise BadSignature("the request timestamp is not Unix milliseconds")
    signed_at = datetime.fromtimestamp(int(timestamp) / 1000, UTC)
    if abs(now - signed_at) > max_age:
        raise BadSignature(f"stale: signed at {signed_at:%Y-%m-%dT%H:%M:%SZ}, over {max_age} away")
    # Constant time, so a forger learns nothing from how long the refusal took.
    expected = sign(secret, method, uri, body, timestamp).encode("ascii")
    if not hmac.compare_digest(expected, signature.strip().encode("utf-8", "replace")):
        raise BadSignature("forged: the signature does not match the request and secret")


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """A header by name, whatever its case (aiohttp's headers ignore it; a plain dict may not)."""
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)
