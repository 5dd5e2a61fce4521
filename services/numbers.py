"""Numbers people type (ticket, article, request ids), bounded before they reach int() or SQL."""

import re

# The largest id a 32-bit INTEGER column holds (PostgreSQL's `integer`).
MAX_ID = 2**31 - 1
# Python refuses int() on more than 4,300 digits; ten already exceed MAX_ID.
_MAX_DIGITS = 10


def parse_id(digits: str) -> int | None:
    """The number written in `digits`, or None when it is not one an id column can hold."""
    if not digits.isascii() or not digits.isdigit() or len(digits.lstrip("0")) > _MAX_DIGITS:
        return None
    value = int(digits)
    return value if value <= MAX_ID else None


# Zendesk's number for a ticket, as people write it: "ZD-4711", "zd 4711", "zendesk #4711".
ZENDESK_REF = re.compile(r"(?:zd|zendesk)\s*[-#:]?\s*#?\s*(\d+)", re.IGNORECASE)


def parse_zendesk_ref(text: str) -> int | None:
    """The Zendesk ticket id in "ZD-4711" or "zendesk 4711", or None when it is not one."""
    match = ZENDESK_REF.fullmatch((text or "").strip())
    return parse_id(match.group(1)) if match else None


def split_ticket_ref(text: str) -> tuple[str, str]:
    """`<ticket> <rest>` typed in the chat: "zendesk 4711 the rest" keeps its two words together."""
    stripped = (text or "").strip()
    match = ZENDESK_REF.match(stripped)
    if match and (match.end() == len(stripped) or stripped[match.end()].isspace()):
        return stripped[: match.end()], stripped[match.end() :].strip()
    first, _, rest = stripped.partition(" ")
    return first, rest.strip()
