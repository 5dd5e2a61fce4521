"""The profile's optional [harvest] section: where each ticket's time goes in Harvest, checked
when the profile loads (file, key and problem named), absent by default."""

from __future__ import annotations

import pytest

from services.profile import ProfileError, load_profile
from tests.harness.harvest import (
    ACME,
    HARVEST,
    REQUEST_CE,
    SAM_IN_HARVEST,
    SUPPORT,
    timesheet_profile,
)


def loaded(tmp_path, harvest: str = HARVEST):
    return load_profile(timesheet_profile(tmp_path, harvest))


def test_bestpack_has_no_harvest_section_and_nobody_a_harvest_user():
    profile = load_profile("bestpack")
    assert profile.harvest is None
    assert {person.harvest_user_id for person in profile.roster} == {None}


def test_the_documented_section_loads_with_the_roster_s_harvest_users(tmp_path):
    profile = loaded(tmp_path)
    assert profile.harvest is not None
    assert profile.harvest.application_field == "application"
    assert profile.harvest.default.project_id == SUPPORT
    assert profile.person("sam").harvest_user_id == SAM_IN_HARVEST
    assert profile.person("eli").harvest_user_id is None


@pytest.mark.parametrize(
    ("company", "application", "project"),
    [
        ("Acme Corp", "Kinetic Request CE", ACME),  # the customer's own project wins
        ("  acme corp ", None, ACME),  # as typed at intake, in any case
        ("Globex", "kinetic request ce", REQUEST_CE),
        (None, "Kinetic Request CE", REQUEST_CE),
        ("Globex", "Kinetic Core", SUPPORT),  # neither has a project: the default
        (None, None, SUPPORT),
    ],
)
def test_a_tickets_customer_then_its_application_picks_the_project(
    tmp_path, company, application, project
):
    section = loaded(tmp_path).harvest
    assert section is not None
    answers = {"application": application} if application else {}
    assert section.target_for(answers, company).project_id == project


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            ('application_field = "application"', 'application_field = "product"'),
            "harvest.application_field: 'product' is not an intake field id",
        ),
        (
            ('application_field = "application"\n', ""),
            "harvest.projects[1].application: set [harvest] application_field",
        ),
        (
            ('customer = "Acme Corp"', 'customer = "Acme Corp"\napplication = "Kinetic Core"'),
            "harvest.projects[0]: name exactly one of customer or application",
        ),
        (
            ('application = "Kinetic Request CE"', 'customer = "ACME CORP"'),
            "harvest.projects[1].customer: duplicate customer 'ACME CORP'",
        ),
        (("task_id = 8083366", "task_id = 0"), "harvest.projects[0].task_id"),
        (("default = {", "fallback = {"), "harvest.default: required key is missing"),
    ],
)
def test_a_wrong_section_names_the_file_the_key_and_the_problem(tmp_path, edit, problem):
    old, new = edit
    assert HARVEST.count(old) == 1
    with pytest.raises(ProfileError) as refused:
        loaded(tmp_path, HARVEST.replace(old, new))
    assert "kinetic-harvest.toml" in str(refused.value)
    assert problem in str(refused.value)


def test_an_application_field_with_choices_takes_only_its_keys(tmp_path):
    section = HARVEST.replace('"application"', '"environment"').replace(
        'application = "Kinetic Request CE"', 'application = "Production"'
    )
    with pytest.raises(ProfileError, match="'Production' is not a choice of 'environment'"):
        loaded(tmp_path, section)
    fixed = section.replace('application = "Production"', 'application = "production"')
    assert loaded(tmp_path, fixed).harvest is not None


def test_a_harvest_user_id_is_a_positive_number(tmp_path):
    path = timesheet_profile(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"harvest_user_id = {SAM_IN_HARVEST}", "harvest_user_id = -3"))
    with pytest.raises(ProfileError, match=r"roster\[0\]\.harvest_user_id"):
        load_profile(path)
