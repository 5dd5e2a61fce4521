"""The fake NetSuite's check of token-based authentication, written from RFC 5849 and Oracle's
"The Signature for Web Services and RESTlets", independently of the client's oauthlib code.

The Authorization header must be `OAuth realm="<ACCOUNT>", oauth_consumer_key, oauth_token,
oauth_signature_method="HMAC-SHA256", oauth_timestamp, oauth_nonce, oauth_version="1.0",
oauth_signature`; the signature is base64(HMAC-SHA256(key = enc(consumer secret) "&"
enc(token secret), base string = METHOD "&" enc(base URI) "&" enc(sorted, encoded query and
oauth parameters))). A stale timestamp or a nonce used before is refused too. Every refusal is
NetSuite's 401 INVALID_LOGIN body; `reason` says which check failed, for the test to read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

ACCOUNT_ID = "1234567_SB1"
CONSUMER_KEY = "ck-4f1d2a9b7c"
CONSUMER_SECRET = "cs-9e8d7c6b5a"
TOKEN_ID = "tk-0a1b2c3d4e"
TOKEN_SECRET = "ts-5f6e7d8c9b"
MAX_SKEW = 300  # seconds a timestamp may be off the server's clock
UNAUTHORIZED = {
    "type": "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.2",
    "title": "Unauthorized",
    "status": 401,
    "o:errorDetails": [
        {
            "detail": "Invalid login attempt. For more details, see the Login Audit Trail in "
            "the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.",
            "o:errorCode": "INVALID_LOGIN",
        }
    ],
}
_PARAM = re.compile(r'\s*([A-Za-z_]+)="([^"]*)"\s*(?:,|$)')


class LoginRefused(Exception):
    """The request is not signed with the account's token (the message says why)."""


def enc(text: str) -> str:
    """RFC 5849 3.6 percent-encoding: everything but ALPHA, DIGIT, '-', '.', '_', '~'."""
    return quote(text, safe="-._~")


@dataclass
class TokenCheck:
    """The account's credentials and the nonces already used."""

    realm: str = ACCOUNT_ID
    consumer: tuple[str, str] = (CONSUMER_KEY, CONSUMER_SECRET)
    token: tuple[str, str] = (TOKEN_ID, TOKEN_SECRET)
    seen_nonces: set[tuple[str, str]] = field(default_factory=set)

    def verify(
        self,
        header: str | None,
        method: str,
        base_uri: str,
        query: Iterable[tuple[str, str]],
        now: float,
    ) -> None:
        """Return when the header signs this request with our secrets, else LoginRefused."""
        if not header or not header.startswith("OAuth "):
            raise LoginRefused("no OAuth Authorization header")
        given = {name: unquote(value) for name, value in _PARAM.findall(header[6:])}
        if given.get("realm") != self.realm:
            raise LoginRefused(f"realm {given.get('realm')!r} is not the account")
        if given.get("oauth_signature_method") != "HMAC-SHA256":
            raise LoginRefused("the signature method is not HMAC-SHA256")
        if given.get("oauth_version", "1.0") != "1.0":
            raise LoginRefused("oauth_version is not 1.0")
        if (given.get("oauth_consumer_key"), given.get("oauth_token")) != (
            self.consumer[0],
            self.token[0],
        ):
            raise LoginRefused("unknown consumer key or token")
        stamp, nonce = given.get("oauth_timestamp", ""), given.get("oauth_nonce", "")
        if not stamp.isdigit() or abs(int(stamp) - now) > MAX_SKEW:
            raise LoginRefused(f"stale or missing timestamp {stamp!r}")
        if not nonce or (stamp, nonce) in self.seen_nonces:
            raise LoginRefused("missing or reused nonce")
        oauth = [
            (k, v) for k, v in given.items() if k.startswith("oauth_") and k != "oauth_signature"
        ]
        pairs = sorted((enc(k), enc(v)) for k, v in [*query, *oauth])
        normalized = "&".join(f"{k}={v}" for k, v in pairs)
        text = "&".join([method.upper(), enc(base_uri), enc(normalized)])
        key = f"{enc(self.consumer[1])}&{enc(self.token[1])}".encode()
        expected = base64.b64encode(hmac.new(key, text.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, given.get("oauth_signature", "").encode()):
            raise LoginRefused("the signature does not match")
        self.seen_nonces.add((stamp, nonce))
