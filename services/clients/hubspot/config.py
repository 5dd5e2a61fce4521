"""Where HubSpot is and how the bot signs in: HUBSPOT_URL, HUBSPOT_ACCESS_TOKEN, and
HUBSPOT_CLIENT_SECRET for the webhooks HubSpot signs.

HubSpot is on exactly when the access token is set (a single-account app's static token, or a
legacy private app's). HUBSPOT_URL defaults to HubSpot's public API host, so only tests and
proxies set it; a URL or client secret given without a token is a half-set configuration and
refuses to start. The client secret (the app's, which signs its webhook requests) is only
needed where HubSpot keeps the tickets; app_services.check_systems asks for it there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

SETTING_NAMES = ("HUBSPOT_URL", "HUBSPOT_ACCESS_TOKEN", "HUBSPOT_CLIENT_SECRET")
DEFAULT_URL = "https://api.hubapi.com"
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


@dataclass(frozen=True)
class HubSpotConfig:
    """One HubSpot account's API; the token and the client secret never appear in a repr."""

    base_url: str
    access_token: str = field(repr=False)
    # The app's client secret, which signs its webhooks; "" when none was given.
    client_secret: str = field(default="", repr=False)

    def authorization(self) -> str:
        """The Bearer header every request carries (API keys were retired in 2022)."""
        return f"Bearer {self.access_token}"


def hubspot_config(values: dict[str, str]) -> HubSpotConfig | None:
    """The configuration from the settings by name: None when all are empty; a URL or client
    secret without a token is refused (ValueError naming HUBSPOT_ACCESS_TOKEN), never naming
    the values themselves."""
    url = (values.get("HUBSPOT_URL") or "").strip()
    token = (values.get("HUBSPOT_ACCESS_TOKEN") or "").strip()
    secret = (values.get("HUBSPOT_CLIENT_SECRET") or "").strip()
    if not url and not token and not secret:
        return None
    if not token:
        given = [
            name
            for name, value in (("HUBSPOT_URL", url), ("HUBSPOT_CLIENT_SECRET", secret))
            if value
        ]
        raise ValueError(
            f"HubSpot is half configured: HUBSPOT_ACCESS_TOKEN is missing ({' and '.join(given)} "
            f"{'is' if len(given) == 1 else 'are'} set; set the access token of the HubSpot app "
            "too, or unset them to keep HubSpot off)"
        )
    if any(c.isspace() for c in token) or not token.isascii():
        # A token pasted with "Bearer " or a line break would be refused on every request.
        raise ValueError(
            "HUBSPOT_ACCESS_TOKEN must be the token alone: it has spaces or non-ASCII characters"
        )
    if any(c.isspace() for c in secret) or not secret.isascii():
        raise ValueError("HUBSPOT_CLIENT_SECRET must be the secret alone: it has spaces")
    return HubSpotConfig(_base_url(url or DEFAULT_URL), token, secret)


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
