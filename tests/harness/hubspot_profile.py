"""The shipped Kinetic profile with HubSpot as its system of record (its one
`system_of_record` line changed), and the pipeline and properties its HubSpot account has."""

from __future__ import annotations

from pathlib import Path

from services.profile import Profile, TicketStatus, load_profile
from services.profile.loader import SHIPPED

SHIPPED_TEXT = (SHIPPED / "kinetic.toml").read_text(encoding="utf-8")
EMBEDDED = 'system_of_record = "embedded"\n'
# The [hubspot] section closes the file.
HEAD, _, _TAIL = SHIPPED_TEXT.partition("\n[hubspot]\n")
SECTION = f"\n[hubspot]\n{_TAIL}"
_KINETIC = load_profile("kinetic")
PIPELINE = _KINETIC.hubspot.pipeline if _KINETIC.hubspot else "0"
# status key -> (stage id, stage label, HubSpot's ticketState): a closed ticket's stage is
# CLOSED in HubSpot, the others OPEN (the solution offered waits for the customer's word).
STAGES = {
    s.key: (s.hubspot or "", s.label, "CLOSED" if s.role is TicketStatus.CLOSED else "OPEN")
    for s in _KINETIC.statuses
}
NUMBER_PROPERTY = _KINETIC.hubspot.number_property if _KINETIC.hubspot else ""
# The custom ticket properties the admin made (name -> options, None for free text).
CUSTOM = {
    NUMBER_PROPERTY: None,
    "installation_type": ["customer-managed", "kinops"],
    "environment": ["dev", "test", "production", "multiple"],
    "application": None,
    "type": [t.key for t in _KINETIC.issue_types],
}


def kinetic_on_hubspot_text(section: str = SECTION, *, intake: str = "") -> str:
    """kinetic.toml with HubSpot as its system of record, `section` as its [hubspot] section,
    and the `intake` fields (TOML [[intake]] tables) after its own."""
    assert SHIPPED_TEXT.count(EMBEDDED) == 1, "kinetic.toml has no single system_of_record line"
    text = HEAD.replace(EMBEDDED, 'system_of_record = "hubspot"\n')
    return f"{text}\n{intake}{section}"


def kinetic_on_hubspot_path(folder: Path, section: str = SECTION, *, intake: str = "") -> Path:
    """The profile written to `folder`, for settings that name a profile file."""
    path = folder / "kinetic-hubspot.toml"
    path.write_text(kinetic_on_hubspot_text(section, intake=intake), encoding="utf-8")
    return path


def kinetic_on_hubspot(folder: Path, section: str = SECTION) -> Profile:
    """The profile, loaded."""
    return load_profile(kinetic_on_hubspot_path(folder, section))
