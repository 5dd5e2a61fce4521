"""The playground's mock tenant (.m365agentsplayground.yml) is the BestPack roster.

The playground checks the file's shape when it starts (and falls back to strangers when it
cannot find it); these checks catch a drift from the roster without starting it.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import yaml

from services.profile import load_profile

ROOT = Path(__file__).resolve().parents[2]
CONFIG = yaml.safe_load((ROOT / ".m365agentsplayground.yml").read_text(encoding="utf-8"))
ROSTER = load_profile("bestpack").roster
KEYS = {"id", "name", "userPrincipleName", "aadObjectId", "givenName", "surname", "email"}


def people() -> list[dict]:
    return [CONFIG["currentUser"], *CONFIG["users"]]


def test_mary_types_and_exactly_five_others_share_the_chats():
    assert CONFIG["version"] == "0.1.1"
    assert CONFIG["currentUser"]["name"] == "Mary"
    assert len(CONFIG["users"]) == 5  # the playground's schema: minItems 5, maxItems 5
    assert all(set(person) == KEYS for person in people())


def test_the_mock_people_are_the_roster_in_its_order():
    assert [p["name"] for p in people()] == [person.name for person in ROSTER]
    for mock, person in zip(people(), ROSTER, strict=True):
        assert mock["email"] == person.email
        assert mock["userPrincipleName"] == (person.upn or person.email)
        if person.aad_object_id:  # once the roster has real ids, the playground must use them
            assert uuid.UUID(mock["aadObjectId"]) == person.aad_object_id


def test_ids_are_unique_and_shaped_like_teams_ids():
    assert len({p["id"] for p in people()}) == len({p["aadObjectId"] for p in people()}) == 6
    for person in people():
        assert person["id"].startswith("29:")
        uuid.UUID(person["aadObjectId"])
    assert CONFIG["bot"]["id"].startswith("28:")


def test_the_team_has_a_triage_channel():
    team = CONFIG["team"]
    assert len(team["channels"]) == 1  # the playground supports one besides General
    (channel,) = team["channels"]
    assert channel["name"] == "Triage"
    assert re.fullmatch(r"19:[\w-]+@thread\.tacv2", channel["id"]) and channel["id"] != team["id"]


def test_every_tool_points_at_this_file():
    for path in ("Makefile", "tests/playground/conftest.py", "scripts/playground/__init__.py"):
        text = (ROOT / path).read_text()
        assert ".m365agentsplayground.yml" in text, path
        assert "tests/playground/m365agentsplayground.yml" not in text, path
