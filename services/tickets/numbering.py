"""Human-friendly ticket numbers: the profile's prefix and 1000 + the row id ("BP-1001")."""

import re
import uuid

from services.profile import Profile

FIRST_NUMBER = 1000  # added to the row id, so the first ticket is 1001 and numbers never shrink


def number_prefix(profile: Profile) -> str:
    """The company's capital initials ("BestPack" -> "BP"), else the profile name in capitals."""
    # Profiles have no prefix setting (yet), and "BP" is how BestPack already numbers tickets.
    initials = "".join(re.findall(r"[A-Z]", profile.company))
    if len(initials) >= 2:
        return initials[:6]
    return re.sub(r"[^A-Za-z0-9]", "", profile.name).upper()[:8]


def ticket_number(prefix: str, ticket_id: int) -> str:
    """The number of the ticket stored under `ticket_id`."""
    return f"{prefix}-{FIRST_NUMBER + ticket_id}"


def placeholder_number() -> str:
    """A unique stand-in for the moment between inserting a ticket and learning its id."""
    # "~" cannot start a real number, and 31 hex digits cannot collide in practice.
    return f"~{uuid.uuid4().hex[:31]}"
