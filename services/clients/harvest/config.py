"""Where Harvest is and how the bot signs in: HARVEST_ACCOUNT_ID and HARVEST_TOKEN, both or none.

A personal access token (or an OAuth token) and the account id it is for; Harvest wants both on
every request, and a User-Agent naming the app and a contact (HARVEST_USER_AGENT, required once
Harvest is on: Harvest answers 400 without one). HARVEST_URL defaults to Harvest's API host, so
only tests and proxies set it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

SETTING_NAMES = ("HARVEST_ACCOUNT_ID", "HARVEST_TOKEN")
DEFAULT_URL = "https://api.harvestapp.com"
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
# Harvest's own pattern: the app's name, then a contact e-mail or link in parentheses.
_USER_AGENT = re.compile(r"^[^()\r\n]{1,100}\((?:[^\s()@]+@[^\s()@]+|https?://[^\s()]+)\)$")
_EXAMPLE = "Support Desk (support-it@example.com)"


@dataclass(frozen=True)
class HarvestConfig:
    """One Harvest account; the token never appears in a repr."""

    base_url: str
    account_id: str
    token: str = field(repr=False)
    user_agent: str

    def headers(self) -> dict[str, str]:
        """The three headers every Harvest request needs, built per request (never stored on the
        shared client, so the token is in no other request)."""
        return {
            "Authorization": f"Bearer {self.token}",
            "Harvest-Account-Id": self.account_id,
            "User-Agent": self.user_agent,
            "Accept": "application/json",
        }


def harvest_config(values: dict[str, str]) -> HarvestConfig | None:
    """The configuration from the settings by name: None when the account id and token are both
    empty; a half-set one is refused (ValueError naming what is missing), never a token's value."""
    given = {name: (values.get(name) or "").strip() for name in SETTING_NAMES}
    url = (values.get("HARVEST_URL") or "").strip()
    agent = (values.get("HARVEST_USER_AGENT") or "").strip()
    if not any(given.values()):
        return None
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise ValueError(
            f"Harvest is half configured: {', '.join(missing)} is missing (set both "
            f"{' and '.join(SETTING_NAMES)}, or neither to keep Harvest off)"
        )
    if not agent:
        raise ValueError(
            "Harvest is half configured: HARVEST_USER_AGENT is missing (Harvest refuses requests "
            f'without a User-Agent naming the app and a contact, like "{_EXAMPLE}")'
        )
    if not _USER_AGENT.match(agent):
        raise ValueError(
            "HARVEST_USER_AGENT must name the app and a contact e-mail or link in parentheses, "
            f'like "{_EXAMPLE}"'
        )
    account, token = given["HARVEST_ACCOUNT_ID"], given["HARVEST_TOKEN"]
    if not account.isascii() or not account.isdigit():
        raise ValueError("HARVEST_ACCOUNT_ID must be the account's number, like 123456")
    if any(c.isspace() for c in token) or not token.isascii():
        # A token pasted with "Bearer " or a line break would be refused on every request.
        raise ValueError("HARVEST_TOKEN must be the token alone: it has spaces or non-ASCII text")
    return HarvestConfig(_base_url(url or DEFAULT_URL), account, token, agent)


def _base_url(url: str) -> str:
    """The API host without a trailing slash; https unless on this machine, since every request
    carries the token."""
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise ValueError(f"HARVEST_URL must look like {DEFAULT_URL}, not {url!r}")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise ValueError("HARVEST_URL must use https: every request carries the token")
    if parts.query or parts.fragment or parts.path.strip("/"):
        raise ValueError("HARVEST_URL is the host only: no path, query or fragment")
    return url.rstrip("/")
