"""The profile's [bp_search.netsuite]: where NetSuite keeps the machines, checked at load."""

from __future__ import annotations

import pytest

from services.profile import ProfileError, load_profile
from services.profile.loader import SHIPPED


def bestpack_edited(tmp_path, old: str, new: str):
    text = (SHIPPED / "bestpack.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "bestpack-bp-search.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_profile(path)


def test_bestpack_finds_machines_in_its_custom_record():
    section = load_profile("bestpack").bp_search
    assert section.installed_base == "netsuite"
    assert section.netsuite is not None
    assert section.netsuite.machine_record == "customrecord_bp_machine"
    assert section.netsuite.fields.serial == "custrecord_bp_serial"
    assert section.netsuite.complexities == {"1": "standard", "2": "custom"}


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'serial = "custrecord_bp_serial"',
            'serial = "custrecord_bp_serial\'; --"',
            r"bp_search\.netsuite\.fields\.serial: .* is not a NetSuite record or field id",
        ),
        (
            'machine_record = "customrecord_bp_machine"',
            'machine_record = "Custom Record"',
            r"bp_search\.netsuite\.machine_record: 'Custom Record' is not a NetSuite",
        ),
        (
            '"2" = "custom"',
            '"2" = "exotic"',
            r"bp_search\.netsuite\.complexities\.2: 'exotic' is not a complexity \(custom, stand",
        ),
        (
            'serial = "custrecord_bp_serial"\n',
            "",
            r"bp_search\.netsuite\.fields\.serial: required key is missing",
        ),
        (
            'model = "custrecord_bp_model"\n',
            'model = "custrecord_bp_model"\nmodle = "x"\n',
            r"bp_search\.netsuite\.fields\.modle: unknown key",
        ),
    ],
)
def test_a_wrong_mapping_stops_loading_naming_file_key_and_problem(tmp_path, old, new, problem):
    with pytest.raises(ProfileError, match=problem) as refused:
        bestpack_edited(tmp_path, old, new)
    assert str(refused.value).startswith(f"profile {tmp_path / 'bestpack-bp-search.toml'}: ")
