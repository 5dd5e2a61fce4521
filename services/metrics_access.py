"""Who may scrape GET /metrics: METRICS_TOKEN, METRICS_PUBLIC and whether authentication is on.

The counts say how busy the desk is, which tenants' alerts fire and how far the sync is behind:
nothing for the open internet. So a deployment (authentication on) hides the endpoint unless a
token guards it or METRICS_PUBLIC says a private network does; a local run (loopback only)
keeps it open, so `make run` and the tests scrape it as before.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field
from enum import StrEnum

# RFC 6750's b64token: what a Bearer credential may hold, so Prometheus can always send it.
_B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
MIN_TOKEN_LENGTH = 32
MAX_TOKEN_LENGTH = 512
_MAKE_ONE = "python -c 'import secrets; print(secrets.token_urlsafe(32))'"


class Exposure(StrEnum):
    """What GET /metrics answers."""

    TOKEN = "token"  # only a scrape bearing METRICS_TOKEN; 401 otherwise
    OPEN = "open"  # anyone who can reach the port
    HIDDEN = "hidden"  # 404, as for a path that does not exist


@dataclass(frozen=True)
class MetricsAccess:
    """The decision for this process, and the token's digest when one guards the endpoint."""

    exposure: Exposure
    digest: bytes = field(default=b"", repr=False)

    def admits(self, authorization: str | None) -> bool:
        """Whether an Authorization header carries the token (any header, when not guarded)."""
        if self.exposure is not Exposure.TOKEN:
            return self.exposure is Exposure.OPEN
        scheme, _, credentials = (authorization or "").partition(" ")
        # Both sides hashed first: compare_digest is constant-time only for equal lengths, and
        # the token's length is no business of a caller's either.
        offered = _digest(credentials)
        matches = hmac.compare_digest(offered, self.digest)
        return scheme.lower() == "bearer" and matches


def metrics_access(token: str, public: bool, *, auth_enabled: bool) -> MetricsAccess:
    """The access the settings give; a token Prometheus could not send, or a token beside
    METRICS_PUBLIC=true (which one was meant?), is refused naming the setting, never its value."""
    token = token.strip()
    if token and public:
        raise ValueError(
            "METRICS_TOKEN and METRICS_PUBLIC=true are both set: a token always guards /metrics; "
            "unset METRICS_PUBLIC, or METRICS_TOKEN to leave it to the private network"
        )
    if token:
        if not MIN_TOKEN_LENGTH <= len(token) <= MAX_TOKEN_LENGTH:
            raise ValueError(
                f"METRICS_TOKEN must be {MIN_TOKEN_LENGTH} to {MAX_TOKEN_LENGTH} characters "
                f"long; generate one with {_MAKE_ONE}"
            )
        if not _B64TOKEN.fullmatch(token):
            raise ValueError(
                "METRICS_TOKEN may hold only letters, digits and - . _ ~ + / (then = padding): "
                "it is sent as a Bearer token"
            )
        return MetricsAccess(Exposure.TOKEN, _digest(token))
    if public or not auth_enabled:
        return MetricsAccess(Exposure.OPEN)
    return MetricsAccess(Exposure.HIDDEN)


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).digest()
