"""The profile's routines: Kinetic's as its handbook has them, BestPack's off, and a wrong one
stopping the load with the file, the key and the problem."""

from datetime import time
from pathlib import Path

import pytest

from services.profile import ProfileError, load_profile
from tests.harness.routines import kinetic_text


def test_kinetic_runs_the_handbook_s_routines() -> None:
    kinetic = load_profile("kinetic")
    check, review, updates = (
        kinetic.routines.daily_check,
        kinetic.routines.weekly_review,
        kinetic.routines.status_updates,
    )
    assert check is not None and review is not None and updates is not None
    assert [p.id for p in kinetic.people_with_role(check.role)] == ["sam", "riley"]
    assert (check.at, review.on, review.at) == (time(8, 15), "mon", time(9))
    assert (updates.every_business_days, updates.send) == (1, "automatic")
    closure = kinetic.closure
    assert (closure.warn_customer_after_business_days, closure.days_after_warning) == (7, 3)


def test_bestpack_keeps_its_closure_and_runs_no_routine() -> None:
    bestpack = load_profile("bestpack")
    assert bestpack.routines.model_dump() == {
        "daily_check": None,
        "weekly_review": None,
        "status_updates": None,
    }
    assert bestpack.closure.warn_customer_after_business_days is None
    assert bestpack.closure.days_after_warning == 0


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'role = "support_specialist"\nat',
            'role = "specialist"\nat',
            "routines.daily_check.role: unknown role 'specialist'",
        ),
        (
            'role = "support_specialist"\nat',
            'role = "leadership"\nat = 08:15:00\nrole2',
            "routines.daily_check.role2: unknown key",
        ),
        ("warn_customer_after_business_days = 7", "warn_customer_after_business_days = 10",
         "closure: the warning to the customer (after 10 business days) must come before "
         "auto-close after 10 business days"),
        ("in {days} business days", "in {weeks} weeks",
         "closure.warning_text: unknown placeholder {weeks} (known: {company}, {days}, "
         "{number}, {subject})"),
        ('\non = "mon"', '\non = "monday"', "routines.weekly_review.on: 'monday' is not one of"),
        ("every_business_days = 1", "every_business_days = 0",
         "routines.status_updates.every_business_days: Input should be greater than 0"),
        ('send = "automatic"', 'send = "always"',
         "routines.status_updates.send: 'always' is not one of 'owner' or 'automatic'"),
        ('review = ""', 'review = "general"',
         "channels.review: 'general' is not a Teams channel id (19:...@thread.tacv2)"),
    ],
)  # fmt: skip
def test_a_wrong_routine_names_the_file_the_key_and_the_problem(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    path = tmp_path / "kinetic-broken.toml"
    path.write_text(kinetic_text((old, new)), encoding="utf-8")
    with pytest.raises(ProfileError) as refused:
        load_profile(path)
    said = str(refused.value)
    assert str(path) in said
    assert problem in said, said
