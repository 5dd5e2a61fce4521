"""Where Zendesk is and how the bot signs in: the four ZENDESK_* settings, all or none."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from urllib.parse import urlsplit

SETTING_NAMES = ("ZENDESK_URL", "ZENDESK_EMAIL", "ZENDESK_API_TOKEN", "ZENDESK_WEBHOOK_SECRET")
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


@dataclass(frozen=True)
class ZendeskConfig:
    """One Zendesk account; the token and the webhook secret never appear in a repr."""

    base_url: str
    email: str
    api_token: str = field(repr=False)
    webhook_secret: str = field(repr=False)

    def authorization(self) -> str:
        """The Basic header for an API token: `{email}/token:{token}`."""
        raw = f"{self.email}/token:{self.api_token}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")

    def agent_url(self, ticket_id: int) -> str:
        """The ticket in Zendesk's agent view."""
        return f"{self.base_url}/agent/tickets/{ticket_id}"


def zendesk_config(values: dict[str, str]) -> ZendeskConfig | None:
    """The configuration from the four settings by name: None when all are empty, else every
    one must be set (ValueError naming the missing ones)."""
    given = {name: (values.get(name) or "").strip() for name in SETTING_NAMES}
    if not any(given.values()):
        return None
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise ValueError(
            f"Zendesk is half configured: {', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} missing (set all of "
            f"{', '.join(SETTING_NAMES)}, or none to keep Zendesk off)"
        )
    return ZendeskConfig(
        base_url=_base_url(given["ZENDESK_URL"]),
        email=given["ZENDESK_EMAIL"],
        api_token=given["ZENDESK_API_TOKEN"],
        webhook_secret=given["ZENDESK_WEBHOOK_SECRET"],
    )


def _base_url(url: str) -> str:
    """The account's base URL without a trailing slash; https unless on this machine, since
    every request carries the API token."""
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise ValueError(f"ZENDESK_URL must look like https://<subdomain>.zendesk.com, not {url!r}")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise ValueError("ZENDESK_URL must use https: every request carries the API token")
    if parts.query or parts.fragment:
        raise ValueError("ZENDESK_URL takes no query or fragment")
    return url.rstrip("/")
