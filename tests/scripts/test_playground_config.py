"""The playground's mock tenants are the shipped rosters: .m365agentsplayground.yml BestPack's,
.m365agentsplayground.kinetic.yml Kinetic Data's (`SUPPORT_PROFILE=kinetic make playground`).

The playground checks a file's shape when it starts (and falls back to strangers when it
cannot find it); these checks catch a drift from the roster without starting it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
import yaml

from services.profile import Profile, load_profile

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"id", "name", "userPrincipleName", "aadObjectId", "givenName", "surname", "email"}
# (profile, its tenant file, who types in the playground)
TENANTS = [
    ("bestpack", ".m365agentsplayground.yml", "Mary"),
    ("kinetic", ".m365agentsplayground.kinetic.yml", "Sam"),
]


@pytest.fixture(params=TENANTS, ids=lambda tenant: tenant[0])
def tenant(request: pytest.FixtureRequest) -> tuple[Profile, dict, str]:
    """A shipped profile, its tenant file read, and who types."""
    name, file, typist = request.param
    config = yaml.safe_load((ROOT / file).read_text(encoding="utf-8"))
    return load_profile(name), config, typist


def people(config: dict) -> list[dict]:
    return [config["currentUser"], *config["users"]]


def test_one_person_types_and_exactly_five_others_share_the_chats(tenant):
    _, config, typist = tenant
    assert config["version"] == "0.1.1"
    assert config["currentUser"]["name"] == typist
    assert len(config["users"]) == 5  # the playground's schema: minItems 5, maxItems 5
    assert all(set(person) == KEYS for person in people(config))


def test_the_mock_people_are_the_roster_in_its_order(tenant):
    profile, config, _ = tenant
    roster = profile.roster
    assert [p["name"] for p in people(config)] == [person.name for person in roster]
    for mock, person in zip(people(config), roster, strict=True):
        assert mock["email"] == person.email
        assert mock["userPrincipleName"] == (person.upn or person.email)
        if person.aad_object_id:  # once the roster has real ids, the playground must use them
            assert uuid.UUID(mock["aadObjectId"]) == person.aad_object_id


def test_ids_are_unique_and_shaped_like_teams_ids(tenant):
    _, config, _ = tenant
    mocks = people(config)
    assert len({p["id"] for p in mocks}) == len({p["aadObjectId"] for p in mocks}) == 6
    for person in mocks:
        assert person["id"].startswith("29:")
        uuid.UUID(person["aadObjectId"])
    assert config["bot"]["id"].startswith("28:")


def test_the_team_has_a_triage_channel(tenant):
    team = tenant[1]["team"]
    assert len(team["channels"]) == 1  # the playground supports one besides General
    (channel,) = team["channels"]
    assert channel["name"] == "Triage"
    assert re.fullmatch(r"19:[\w-]+@thread\.tacv2", channel["id"]) and channel["id"] != team["id"]


def test_the_kinetic_tenant_has_people_holding_two_roles():
    kinetic = load_profile("kinetic")
    config = yaml.safe_load((ROOT / TENANTS[1][1]).read_text(encoding="utf-8"))
    doubled = [p.name for p in kinetic.roster if len(p.roles) > 1]
    assert doubled and set(doubled) <= {p["name"] for p in people(config)}


def test_the_two_tenants_share_no_person():
    ids = [
        {p["aadObjectId"] for p in people(yaml.safe_load((ROOT / file).read_text("utf-8")))}
        for _, file, _ in TENANTS
    ]
    assert not ids[0] & ids[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(("named", "file"), [(t[0], t[1]) for t in TENANTS] + [("", TENANTS[0][1])])
def test_make_playground_picks_the_tenant_of_the_profile_named(named: str, file: str):
    env = {k: v for k, v in os.environ.items() if k not in ("SUPPORT_PROFILE", "MAKEFLAGS")}
    if named:
        env["SUPPORT_PROFILE"] = named
    # -n: print what would run, run nothing (nor install anything).
    shown = subprocess.run(
        ["make", "-n", "-s", "playground", "VENV=/nonexistent-venv"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"M365_AGENTS_PLAYGROUND_CONFIG_PATH={ROOT / file} " in shown


def test_every_tool_points_at_this_file():
    for path in ("Makefile", "tests/playground/conftest.py", "scripts/playground/__init__.py"):
        text = (ROOT / path).read_text()
        assert ".m365agentsplayground.yml" in text, path
        assert "tests/playground/m365agentsplayground.yml" not in text, path
