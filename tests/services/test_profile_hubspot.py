"""The profile's HubSpot keys: a stage on each status and the [hubspot] section, checked when
the profile loads; HubSpot kept off by default; refused at start-up without its token."""

from __future__ import annotations

import pytest

from services.ports import check_systems
from services.profile import ProfileError, TicketStatus, load_profile
from services.settings import Settings
from services.sync.hubspot.translate import (
    answer_of,
    hubspot_stage,
    priority_of,
    role_of_stage,
)
from tests.harness.hubspot_profile import (
    SECTION,
    kinetic_on_hubspot,
    kinetic_on_hubspot_path,
    kinetic_on_hubspot_text,
)


def test_bestpack_keeps_its_tickets_in_its_own_database():
    profile = load_profile("bestpack")
    assert (profile.system_of_record, profile.hubspot) == ("embedded", None)
    assert all(status.hubspot is None for status in profile.statuses)


def test_kinetic_ships_its_hubspot_keys_and_runs_embedded_until_told():
    profile = load_profile("kinetic")
    assert profile.system_of_record == "embedded"  # `make run` needs no HubSpot token
    assert profile.hubspot is not None
    assert all(status.hubspot for status in profile.statuses)


def test_the_hubspot_keys_load_and_read_both_ways(tmp_path):
    profile = kinetic_on_hubspot(tmp_path)
    hub = profile.hubspot

    assert profile.system_of_record == "hubspot"
    assert (hub.pipeline, hub.number_property) == ("0", "support_desk_number")
    assert hub.property_of("type") == "type"
    assert hub.property_of("category") == "hs_ticket_category"
    assert hub.option_values("category")["feature"] == "FEATURE_REQUEST"
    assert hubspot_stage(profile, TicketStatus.ASSIGNED) == "180533101"
    assert role_of_stage(profile, "2") is TicketStatus.WAITING_ON_CUSTOMER
    assert role_of_stage(profile, "999") is None
    assert priority_of(profile, "URGENT") == "urgent"
    assert answer_of(profile, "category", "PRODUCT_ISSUE") == "problem"
    assert answer_of(profile, "environment", "production") == "production"


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (('type = "type"', 'kind = "type"'), "properties.kind: 'kind' is not"),
        (
            ('application = "application"', 'application = "environment"'),
            "'application' and 'environment' both map to property environment",
        ),
        (('application = "application"', 'application = "Application"'), "properties.application"),
        (('application = "application"', 'application = "subject"'), "subject is set from the"),
        (("licensing = ", "license = "), "values.license: 'license' is not one of category's"),
        (('licensing = "BILLING_ISSUE"\n', ""), "the choice 'licensing' has no option value"),
        (('low = "LOW"', 'low = "NONE"'), "hubspot.priorities.low"),
        (('low = "LOW"', 'lowest = "LOW"'), "priorities.low: every priority needs its"),
        (('pipeline = "0"', 'pipeline = "a b"'), "hubspot.pipeline"),
        (('number_property = "support_desk_number"\n', ""), "hubspot.number_property"),
    ],
)
def test_a_wrong_section_stops_loading_naming_the_key(tmp_path, edit, problem):
    old, new = edit
    assert SECTION.count(old) == 1
    with pytest.raises(ProfileError, match=problem.replace(".", r"\.")) as raised:
        kinetic_on_hubspot(tmp_path, SECTION.replace(old, new))
    assert str(tmp_path / "kinetic-hubspot.toml") in str(raised.value)


def test_every_status_needs_a_stage_and_the_profile_a_section(tmp_path):
    text = kinetic_on_hubspot_text("").replace('hubspot = "180533104"\n', "")
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(ProfileError) as raised:
        load_profile(path)

    problems = raised.value.problems
    assert 'hubspot: system_of_record = "hubspot" needs a [hubspot] section' in problems
    assert "statuses[6].hubspot: 'solution_offered' needs the id of its HubSpot pipeline stage" in (
        problems
    )


def test_a_hubspot_profile_without_the_token_or_the_client_secret_refuses_to_start(tmp_path):
    profile = load_profile(kinetic_on_hubspot_path(tmp_path))
    without = Settings(_env_file=None)
    with pytest.raises(ValueError, match="HUBSPOT_ACCESS_TOKEN and HUBSPOT_CLIENT_SECRET are not"):
        check_systems(without, profile)
    token = without.model_copy(update={"hubspot_access_token": "pat-na1-x"})
    # Without the client secret no webhook could be verified: HubSpot's changes would be lost.
    with pytest.raises(ValueError, match=r"but HUBSPOT_CLIENT_SECRET is not set"):
        check_systems(token, profile)
    check_systems(token.model_copy(update={"hubspot_client_secret": "6f1c2a9e"}), profile)
