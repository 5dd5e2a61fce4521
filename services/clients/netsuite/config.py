"""Where NetSuite is and how the bot signs in: the six NETSUITE_* settings, all or none.

Token-based authentication (TBA) needs an integration record (consumer key and secret) and an
access token (token id and secret) of a role allowed REST web services and SuiteQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

SETTING_NAMES = (
    "NETSUITE_URL",
    "NETSUITE_ACCOUNT_ID",
    "NETSUITE_CONSUMER_KEY",
    "NETSUITE_CONSUMER_SECRET",
    "NETSUITE_TOKEN_ID",
    "NETSUITE_TOKEN_SECRET",
)
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
# "1234567", or a sandbox / release preview "1234567_SB1", "TSTDRV1234567_RP".
_ACCOUNT = re.compile(r"^[A-Za-z0-9]{1,30}(?:[_-][A-Za-z0-9]{1,10})?$")


@dataclass(frozen=True)
class NetSuiteConfig:
    """One NetSuite account; the secrets never appear in a repr."""

    base_url: str
    account_id: str
    consumer_key: str = field(repr=False)
    consumer_secret: str = field(repr=False)
    token_id: str = field(repr=False)
    token_secret: str = field(repr=False)

    @property
    def realm(self) -> str:
        """The OAuth realm NetSuite wants: the account id, upper case, `_` before SB1/RP."""
        return self.account_id.upper().replace("-", "_")

    @property
    def ui_url(self) -> str:
        """Where people open records: https://<account>.app.netsuite.com (lower case, `-`)."""
        host = self.account_id.lower().replace("_", "-")
        return f"https://{host}.app.netsuite.com"


def netsuite_config(values: dict[str, str]) -> NetSuiteConfig | None:
    """The configuration from the six settings by name: None when all are empty, else every
    one must be set (ValueError naming the missing ones)."""
    given = {name: (values.get(name) or "").strip() for name in SETTING_NAMES}
    if not any(given.values()):
        return None
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise ValueError(
            f"NetSuite is half configured: {', '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} missing (set all of "
            f"{', '.join(SETTING_NAMES)}, or none to keep NetSuite off)"
        )
    account = given["NETSUITE_ACCOUNT_ID"]
    if not _ACCOUNT.match(account):
        raise ValueError("NETSUITE_ACCOUNT_ID must look like 1234567 or 1234567_SB1")
    return NetSuiteConfig(
        base_url=_base_url(given["NETSUITE_URL"]),
        account_id=account,
        consumer_key=given["NETSUITE_CONSUMER_KEY"],
        consumer_secret=given["NETSUITE_CONSUMER_SECRET"],
        token_id=given["NETSUITE_TOKEN_ID"],
        token_secret=given["NETSUITE_TOKEN_SECRET"],
    )


def _base_url(url: str) -> str:
    """The REST host without a trailing slash; https unless on this machine, since every
    request carries a signature an eavesdropper could replay within its timestamp window."""
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise ValueError(
            f"NETSUITE_URL must look like https://<account>.suitetalk.api.netsuite.com, not {url!r}"
        )
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise ValueError("NETSUITE_URL must use https: every request carries a token signature")
    if parts.query or parts.fragment or parts.path.strip("/"):
        raise ValueError("NETSUITE_URL is the host only: no path, query or fragment")
    return url.rstrip("/")
