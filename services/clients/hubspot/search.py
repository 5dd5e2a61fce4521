"""The search body for "companies with this name", built from text a person typed.

HubSpot documents two ways to match a name: the free-text `query`, which also matches the
website, phone and domain (so "pack" would find every company on a packaging domain), and
filters on the `name` property. Filters it is: one group asks for the name exactly (EQ,
case-insensitive), another for every word of it as a token (CONTAINS_TOKEN); the groups are
ORed, so one request finds both the exact and the close matches.

Typed text never reaches HubSpot as syntax: `*` is CONTAINS_TOKEN's wildcard, so words are
the runs of letters and digits in the text (quotes, `*`, `%` and the like fall away), and only
the last word gets a trailing `*`, on purpose, so "Acme Pack" also finds "Acme Packaging".
"""

from __future__ import annotations

import re
from typing import Any

# HubSpot's guides disagree on how many filters a group may hold (10 since August 2024; 6 in
# the 2026 guide): five words and the exact group stay within every documented limit.
MAX_WORDS = 5
# A search body must stay under 3,000 characters; names are never near this long.
MAX_NAME = 200
_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """The words of a name as HubSpot's tokens: runs of letters and digits, in any script."""
    return _WORD.findall(text)


def words_of(text: str) -> list[str]:
    """The words a name search asks for: the first MAX_WORDS tokens."""
    return tokens(text)[:MAX_WORDS]


def plain(text: str) -> str:
    """A name with its spaces collapsed, as typed otherwise, bounded."""
    return " ".join(text.split())[:MAX_NAME]


def company_name_search(
    text: str, properties: tuple[str, ...], limit: int, prefix: bool = True, exact: bool = False
) -> dict[str, Any] | None:
    """The body of POST /crm/v3/objects/companies/search (only the exact group when `exact`);
    None when the text has no name in it."""
    name = plain(text)
    if not name:
        return None
    groups = [{"filters": [{"propertyName": "name", "operator": "EQ", "value": name}]}]
    words = [] if exact else words_of(name)
    if words:
        tokens = [*words[:-1], words[-1] + ("*" if prefix else "")]
        groups.append(
            {
                "filters": [
                    {"propertyName": "name", "operator": "CONTAINS_TOKEN", "value": token}
                    for token in tokens
                ]
            }
        )
    return {"filterGroups": groups, "properties": list(properties), "limit": limit}
