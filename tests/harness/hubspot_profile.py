"""A Kinetic-like desk whose system of record is HubSpot: the test fixture's profile plus the
HubSpot keys (a stage per status, the [hubspot] section), and the pipeline the fake holds."""

from __future__ import annotations

from pathlib import Path

from services.profile import Profile, load_profile
from tests.harness.profiles import KINETIC, STATUSES

PIPELINE = "0"  # HubSpot's default support pipeline
# status key -> (stage id, stage label, HubSpot's ticketState): HubSpot's four default stages
# keep their ids ("1" to "4"); the ones an admin adds get long numbers.
STAGES = {
    "new": ("1", "New", "OPEN"),
    "waiting_on_contact": ("2", "Waiting on contact", "OPEN"),
    "waiting_on_us": ("3", "Waiting on us", "OPEN"),
    "closed": ("4", "Closed", "CLOSED"),
    "with_specialist": ("112233401", "With the specialist", "OPEN"),
    "with_team": ("112233402", "With another team", "OPEN"),
    "solution_offered": ("112233403", "Solution offered", "CLOSED"),
}
NUMBER_PROPERTY = "support_desk_number"
# Custom ticket properties the admin made (name -> options, None for free text); category goes
# to HubSpot's own hs_ticket_category, whose options have HubSpot's internal values.
CUSTOM = {
    NUMBER_PROPERTY: None,
    "installation_type": ["customer-managed", "kinops"],
    "environment": ["dev", "test", "production", "multiple"],
    "application": None,
    "kinetic_type": [
        "forms", "workflow", "integration", "ux_ui", "database", "install",
        "access_security", "license", "infrastructure", "other",
    ],
}  # fmt: skip
SECTION = f"""
[hubspot]
pipeline = "{PIPELINE}"
number_property = "{NUMBER_PROPERTY}"

[hubspot.properties]
installation_type = "installation_type"
environment = "environment"
application = "application"
type = "kinetic_type"

[hubspot.properties.category]
property = "hs_ticket_category"

[hubspot.properties.category.values]
question = "GENERAL_INQUIRY"
problem = "PRODUCT_ISSUE"
feature = "FEATURE_REQUEST"
licensing = "BILLING_ISSUE"
other = "GENERAL_INQUIRY"

[hubspot.priorities]
high = "HIGH"
medium = "MEDIUM"
low = "LOW"
"""


def kinetic_on_hubspot_text(section: str = SECTION) -> str:
    """The Kinetic fixture's TOML with HubSpot as its system of record and `section`."""
    text = KINETIC.replace('name = "kinetic"\n', 'name = "kinetic"\nsystem_of_record = "hubspot"\n')
    for key, _, role, zendesk in STATUSES:
        line = f'role = "{role}"\nzendesk = "{zendesk}"\n'
        assert text.count(f'key = "{key}"\nlabel') == 1 and line in text
        text = text.replace(f'key = "{key}"\n', f'key = "{key}"\nhubspot = "{STAGES[key][0]}"\n', 1)
    return text + section


def kinetic_on_hubspot_path(folder: Path, section: str = SECTION) -> Path:
    """The profile written to `folder`, for settings that name a profile file."""
    path = folder / "kinetic-hubspot.toml"
    path.write_text(kinetic_on_hubspot_text(section), encoding="utf-8")
    return path


def kinetic_on_hubspot(folder: Path, section: str = SECTION) -> Profile:
    """The profile, loaded."""
    return load_profile(kinetic_on_hubspot_path(folder, section))
