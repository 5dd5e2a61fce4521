"""The manifest template and the manifest packaging makes from it against the official schema."""

from __future__ import annotations

import json
import re

import pytest
from dotenv import dotenv_values

from scripts import make_icons
from scripts.package_app import APP_PACKAGE, PLACEHOLDER, PackageSettings, fill, values
from tests.appPackage.manifest_schema import errors

ROOT = APP_PACKAGE.parent
TEMPLATE = (APP_PACKAGE / "manifest.json").read_text(encoding="utf-8")
ENV_FILES = sorted(p for p in (ROOT / "env").glob(".env.*") if not p.name.endswith(".user"))
BOT_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"


def filled(**settings: str) -> dict:
    """The manifest as `make package` fills it."""
    base = {"bot_id": BOT_ID, "bot_domain": "supportdesk.bestpack.com", **settings}
    return json.loads(fill(TEMPLATE, values(PackageSettings(_env_file=None, **base))))


def test_the_template_declares_schema_1_22():
    manifest = json.loads(TEMPLATE)
    assert manifest["$schema"] == (
        "https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json"
    )
    assert manifest["manifestVersion"] == "1.22"


def test_the_template_breaks_the_schema_only_where_a_placeholder_stands():
    # ${{BOT_ID}} is not yet a GUID; everything else must already be right.
    problems = errors(json.loads(TEMPLATE))
    assert problems, "the placeholders should be the only problems, and they are problems"
    for problem in problems:
        assert isinstance(problem.instance, str) and PLACEHOLDER.search(problem.instance), (
            f"{list(problem.absolute_path)}: {problem.message}"
        )


def test_the_filled_manifest_is_valid():
    manifest = filled()
    assert errors(manifest) == []
    assert manifest["id"] == manifest["bots"][0]["botId"] == BOT_ID
    assert manifest["validDomains"] == ["supportdesk.bestpack.com"]
    assert "${{" not in json.dumps(manifest)


def test_another_manifest_version_is_refused():
    # The schema pins the version with `const`; make sure our validator really checks it.
    manifest = filled()
    manifest["manifestVersion"] = "1.21"
    assert [p.validator for p in errors(manifest)] == ["const"]


@pytest.mark.parametrize("env_file", ENV_FILES, ids=lambda p: p.name)
def test_each_toolkit_environment_fills_a_valid_manifest(env_file):
    # The toolkit fills the same template from env/.env.<name>; its name suffix must still fit.
    suffix = dotenv_values(env_file).get("APP_NAME_SUFFIX") or ""
    manifest = filled(app_name_suffix=suffix)
    assert errors(manifest) == []
    assert manifest["name"]["short"] == f"Support Desk{suffix}"


def test_the_bot_works_in_personal_team_and_group_chat_scopes():
    bot = json.loads(TEMPLATE)["bots"][0]
    assert bot["scopes"] == ["personal", "team", "groupChat"]
    assert bot["isNotificationOnly"] is False


def test_the_descriptions_fit_and_say_what_the_app_does():
    description = json.loads(TEMPLATE)["description"]
    assert len(description["short"]) <= 80
    assert 200 <= len(description["full"]) <= 4000
    assert re.search(r"\bhelp\b", description["full"])


def test_the_accent_colour_is_the_icon_background():
    assert json.loads(TEMPLATE)["accentColor"] == make_icons.ACCENT
