"""Where HubSpot is and how the bot signs in: HUBSPOT_URL and HUBSPOT_ACCESS_TOKEN.

HubSpot is on exactly when the access token is set (a single-account app's static token, or a
legacy private app's). HUBSPOT_URL defaults to HubSpot's public API host, so only tests and
proxies set it; a URL given without a token is a half-set configuration and refuses to start.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

SETTING_NAMES = ("HUBSPOT_URL", "HUBSPOT_ACCESS_TOKEN")
DEFAULT_URL = "https://api.hubapi.com"
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


@dataclass(frozen=True)
class HubSpotConfig:
    """One HubSpot account's API; the token never appears in a repr."""

    base_url: str
    access_token: str = field(repr=False)

    def authorization(self) -> str:
        """The Bearer header every request carries (API keys were retired in 2022)."""
        return f"Bearer {self.access_token}"


def hubspot_config(values: dict[str, str]) -> HubSpotConfig | None:
    """The configuration from the settings by name: None when both are empty; a URL without a
    token is refused (ValueError naming HUBSPOT_ACCESS_TOKEN), never the token's value."""
    url = (values.get("HUBSPOT_URL") or "").strip()
    token = (values.get("HUBSPOT_ACCESS_TOKEN") or "").strip()
    if not url and not token:
        return None
    if not token:
        raise ValueError(
            "HubSpot is half configured: HUBSPOT_ACCESS_TOKEN is missing (HUBSPOT_URL is set; "
            "set the access token of the HubSpot app too, or unset HUBSPOT_URL to keep HubSpot off)"
        )
    if any(c.isspace() for c in token) or not token.isascii():
        # A token pasted with "Bearer " or a line break would be refused on every request.
        raise ValueError(
            "HUBSPOT_ACCESS_TOKEN must be the token alone: it has spaces or non-ASCII characters"
        )
    return HubSpotConfig(base_url=_base_url(url or DEFAULT_URL), access_token=token)


def _base_url(url: str) -> str:
    """The API's base URL without a trailing slash; https unless on this machine, since every
    request carries the access token."""
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise ValueError(f"HUBSPOT_URL must look like {DEFAULT_URL}, not {url!r}")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise ValueError("HUBSPOT_URL must use https: every request carries the access token")
    if parts.query or parts.fragment:
        raise ValueError("HUBSPOT_URL takes no query or fragment")
    return url.rstrip("/")
