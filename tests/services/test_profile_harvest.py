"""The profile's optional [harvest] section: where each ticket's time goes in Harvest, checked
when the profile loads (file, key and problem named), absent where a desk does not say."""

from __future__ import annotations

import pytest

from services.profile import ProfileError, load_profile
from tests.harness.harvest import (
    ACME,
    REQUEST_CE,
    REQUEST_CE_TASK,
    SAM_IN_HARVEST,
    SUPPORT,
    SUPPORT_TASK,
    timesheet_profile,
)


def loaded(tmp_path, *edits: tuple[str, str]):
    return load_profile(timesheet_profile(tmp_path, *edits))


def test_bestpack_has_no_harvest_section_and_nobody_a_harvest_user():
    profile = load_profile("bestpack")
    assert profile.harvest is None
    assert {person.harvest_user_id for person in profile.roster} == {None}


def test_kinetic_ships_a_default_and_its_applications_projects():
    section = load_profile("kinetic").harvest
    assert section is not None
    assert section.application_field == "application"
    assert (section.default.project_id, section.default.task_id) == (SUPPORT, SUPPORT_TASK)
    target = section.target_for({"application": "Kinetic Request CE"}, None)
    assert (target.project_id, target.task_id) == (REQUEST_CE, REQUEST_CE_TASK)


def test_a_roster_entry_may_name_the_persons_harvest_user(tmp_path):
    profile = loaded(tmp_path)
    assert profile.person("sam").harvest_user_id == SAM_IN_HARVEST
    assert profile.person("erin").harvest_user_id is None


@pytest.mark.parametrize(
    ("company", "application", "project"),
    [
        ("Acme Corp", "Kinetic Request CE", ACME),  # the customer's own project wins
        ("  acme corp ", None, ACME),  # as typed at intake, in any case
        ("Globex", "Kinetic Request CE 6.1", REQUEST_CE),  # a version after the name
        (None, "kinetic request ce", REQUEST_CE),
        ("Globex", "Kinetic Request", SUPPORT),  # a name cut short is another application
        ("Globex", "Kinetic Request CEO", SUPPORT),
        (None, None, SUPPORT),  # neither has a project: the default
    ],
)
def test_a_tickets_customer_then_its_application_picks_the_project(
    tmp_path, company, application, project
):
    section = loaded(tmp_path).harvest
    assert section is not None
    answers = {"application": application} if application else {}
    assert section.target_for(answers, company).project_id == project


def test_the_longest_application_named_wins(tmp_path):
    longer = (
        'application = "Kinetic Task"',
        'application = "Kinetic Request CE Bundle"',
    )
    section = loaded(tmp_path, longer).harvest
    assert section is not None
    bundle = section.target_for({"application": "Kinetic Request CE Bundle 2"}, None)
    assert bundle.project_id == 14308071  # the project that was Kinetic Task's
    assert section.target_for({"application": "Kinetic Request CE 6"}, None).project_id == (
        REQUEST_CE
    )


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            ('application_field = "application"', 'application_field = "product"'),
            "harvest.application_field: 'product' is not an intake field id",
        ),
        (
            ('application_field = "application"\n', ""),
            "harvest.projects[0].application: set [harvest] application_field",
        ),
        (
            ('customer = "Acme Corp"', 'customer = "Acme Corp"\napplication = "Kinetic Core"'),
            "harvest.projects[3]: name exactly one of customer or application",
        ),
        (
            ('application = "Kinetic Task"', 'application = "KINOPS"'),
            "harvest.projects[2].application: duplicate application 'kinops'",
        ),
        (("task_id = 8083366", "task_id = 0"), "harvest.projects[3].task_id"),
        (("default = {", "fallback = {"), "harvest.default: required key is missing"),
    ],
)
def test_a_wrong_section_names_the_file_the_key_and_the_problem(tmp_path, edit, problem):
    with pytest.raises(ProfileError) as refused:
        loaded(tmp_path, edit)
    assert "kinetic-harvest.toml" in str(refused.value)
    assert problem in str(refused.value)


def test_an_application_field_with_choices_takes_only_its_keys(tmp_path):
    field = ('application_field = "application"', 'application_field = "installation_type"')
    with pytest.raises(ProfileError, match="'Kinetic Task' is not a choice of 'installation_type'"):
        loaded(tmp_path, field)
    only_keys = (
        field,
        ('application = "Kinetic Request CE"', 'application = "customer-managed"'),
        ('application = "Kinetic Task"\n', 'customer = "Globex"\n'),
    )
    assert loaded(tmp_path, *only_keys).harvest is not None


def test_a_harvest_user_id_is_a_positive_number(tmp_path):
    edit = (f"harvest_user_id = {SAM_IN_HARVEST}", "harvest_user_id = -3")
    with pytest.raises(ProfileError, match=r"roster\[0\]\.harvest_user_id"):
        loaded(tmp_path, edit)
