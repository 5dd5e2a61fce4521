"""The server checks intake answers exactly as the card does, and converts them to types."""

from __future__ import annotations

import pytest

from services.forms import check_answers
from services.profile import load_profile

PROFILE = load_profile("bestpack")


def check(**answers):
    return check_answers(PROFILE, PROFILE.intake, answers)


def test_required_fields_left_blank_are_named():
    result = check(company="  ")
    assert result.errors["company"] == "Company is required."
    assert "site_state" not in result.errors  # optional


def test_patterns_use_the_profiles_own_message():
    result = check(phone="call me", serial_number="SN 1")
    assert result.errors["phone"].startswith("Enter a phone number")
    assert result.errors["serial_number"] == "Serial numbers are 3–30 letters, digits or dashes."


@pytest.mark.parametrize(("raw", "value"), [("true", True), ("false", False), (True, True)])
def test_toggles_become_booleans(raw, value):
    assert check(production_impact=raw).values["production_impact"] is value


def test_a_toggle_with_another_value_is_refused():
    assert check(production_impact="maybe").errors["production_impact"] == "Choose yes or no."


def test_choices_must_be_the_profiles_keys_and_answers_are_trimmed():
    result = check(issue_type="plc", machine_complexity="custom", company="  Acme  ")
    assert "issue_type" in result.errors
    assert result.values["machine_complexity"] == "custom"
    assert result.values["company"] == "Acme"


def test_overlong_text_is_refused_rather_than_truncated():
    result = check(company="x" * 300, issue_description="y" * 5000)
    assert "under 255" in result.errors["company"]
    assert "under 4000" in result.errors["issue_description"]


def test_keys_that_are_not_fields_are_ignored():
    result = check(role="engineering_manager")
    assert "role" not in result.values and "role" not in result.errors
