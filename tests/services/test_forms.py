"""The server checks intake answers exactly as the card does, and converts them to types."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from services.forms import check_answers
from services.forms.bounds import NUMBERS, TEXT
from services.profile import FieldKind, FormField, load_profile

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


def test_a_field_may_set_its_own_length_and_the_answer_is_checked_against_it():
    short = FormField(id="po", label="PO", kind=FieldKind.TEXT, max_length=10)
    result = check_answers(PROFILE, [short], {"po": "PO-12345678"})
    assert result.errors["po"] == "Keep this under 10 characters."


@pytest.mark.parametrize("raw", ["0", -3, "51", "nan", "inf", 1e300, True])
def test_numbers_outside_their_range_or_not_finite_are_refused(raw):
    boxes = FormField(id="boxes", label="Boxes", kind=FieldKind.NUMBER, minimum=1, maximum=50)
    errors = check_answers(PROFILE, [boxes], {"boxes": raw}).errors
    assert errors["boxes"] in ("Enter a number from 1 to 50.", "Enter a number.")


def test_a_number_field_without_a_range_still_has_one():
    plain = FormField(id="count", label="Count", kind=FieldKind.NUMBER)
    assert plain.number_range == NUMBERS
    assert check_answers(PROFILE, [plain], {"count": 3_000_000_000}).errors == {
        "count": "Enter a number from 0 to 1,000,000."
    }
    assert check_answers(PROFILE, [plain], {"count": "12"}).values == {"count": 12}


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ({"kind": "text", "max_length": TEXT + 1}, "`max_length` is 1 to 4000"),
        ({"kind": "toggle", "max_length": 5}, "`max_length` does not apply"),
        ({"kind": "text", "minimum": 1}, "number ranges apply to number fields"),
        ({"kind": "number", "minimum": 5, "maximum": 1}, "`minimum` 5 is above `maximum` 1"),
    ],
)
def test_a_profile_cannot_give_a_field_a_limit_the_server_would_not_keep(spec, problem):
    with pytest.raises(ValidationError, match=problem):
        FormField(id="f", label="F", **spec)
