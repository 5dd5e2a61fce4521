"""The profile's optional [zendesk] section: checked when the profile loads, absent by default."""

from __future__ import annotations

import pytest

from services.profile import ProfileError, load_profile
from services.profile.loader import SHIPPED

SECTION = """
[zendesk.fields]
serial_number = 360001234501
machine_model = 360001234502
machine_complexity = 360001234503
issue_type = 360001234504
site_state = 360001234505
production_impact = 360001234506

[zendesk.help_center]
locale = "en-us"
section_id = 360009876543
permission_group_id = 1234567
"""


def bestpack_plus(tmp_path, section: str):
    path = tmp_path / "bestpack-zendesk.toml"
    path.write_text((SHIPPED / "bestpack.toml").read_text(encoding="utf-8") + section)
    return load_profile(path)


def test_bestpack_has_no_zendesk_section():
    assert load_profile("bestpack").zendesk is None


def test_the_documented_section_loads(tmp_path):
    zendesk = bestpack_plus(tmp_path, SECTION).zendesk

    assert zendesk is not None
    assert zendesk.fields["serial_number"] == 360001234501
    assert len(zendesk.fields) == 6
    assert zendesk.help_center is not None
    assert (zendesk.help_center.locale, zendesk.help_center.section_id) == ("en-us", 360009876543)
    assert zendesk.help_center.user_segment_id is None


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (("serial_number = 360001234501", "serial_no = 360001234501"), "zendesk.fields.serial_no"),
        (("serial_number = 360001234501", "serial_number = 0"), "greater than 0"),
        (
            ("machine_model = 360001234502", "machine_model = 360001234501"),
            "both map to Zendesk field 360001234501",
        ),
        (('locale = "en-us"', 'locale = "../en"'), "zendesk.help_center.locale"),
        (("permission_group_id = 1234567\n", ""), "permission_group_id"),
        (("[zendesk.help_center]", "[zendesk.helpcenter]"), "zendesk.helpcenter"),
    ],
)
def test_a_wrong_section_stops_loading_naming_the_key(tmp_path, edit, problem):
    old, new = edit
    assert SECTION.count(old) == 1

    with pytest.raises(ProfileError, match=problem.replace(".", r"\.")):
        bestpack_plus(tmp_path, SECTION.replace(old, new))
