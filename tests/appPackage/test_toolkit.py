"""The Microsoft 365 Agents Toolkit project files: valid, and every file and variable they use
exists.

m365agents.yml (hosted), m365agents.local.yml (Teams via a dev tunnel) and
m365agents.playground.yml are checked against the toolkit's own YAML schema v1.11
(tests/schemas/) and against this repository: inputs they read exist, outputs land where git
ignores them, every `${{VAR}}` is defined for their environment, secrets stay in `.user` files,
and what they write for the bot uses the setting names services/settings.py reads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from dotenv import dotenv_values
from jsonschema import Draft7Validator

from scripts.package_app import PLACEHOLDER
from services.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests/schemas/m365agents-yaml-v1.11.schema.json").read_text())
PROJECTS = {"m365agents.yml": "dev", "m365agents.local.yml": "local"}
PROJECTS["m365agents.playground.yml"] = "playground"
INPUTS = {"manifestPath", "ignoreFile", "artifactFolder", "parameters"}
OUTPUTS = {"outputZipPath", "outputFolder", "target", "symlinkDir"}
BUILT_IN = {"TEAMSFX_ENV", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME"}
# The committed environments; env/.env.<env>.user files (secrets, git-ignored) are left out.
ENV_FILES = sorted(p for p in (ROOT / "env").glob(".env.*") if not p.name.endswith(".user"))
GITIGNORE = [
    line.strip() for line in (ROOT / ".gitignore").read_text().splitlines() if line.strip()
]


def project(name: str) -> dict[str, Any]:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def steps(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for stage in ("provision", "deploy", "publish") for step in doc.get(stage) or []]


def parameters(step: dict[str, Any]) -> dict[str, Any]:
    """Every parameter of a step, nested ones (devTool/install's testTool) flattened."""
    found: dict[str, Any] = {}
    for key, value in (step.get("with") or {}).items():
        found.update(value if isinstance(value, dict) and key != "envs" else {key: value})
    return found


def ignored(path: str) -> bool:
    """Whether .gitignore covers the path (its entries here are plain names and folders)."""
    path = path.removeprefix("./")
    return any(path == e.rstrip("/") or path.startswith(e.rstrip("/") + "/") for e in GITIGNORE)


@pytest.mark.parametrize("name", PROJECTS)
def test_the_project_file_matches_the_toolkit_schema(name):
    problems = [
        f"{list(e.absolute_path)}: {e.message[:200]}"
        for e in Draft7Validator(SCHEMA).iter_errors(project(name))
    ]
    assert problems == []
    assert (
        (ROOT / name)
        .read_text()
        .startswith("# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/")
    )


@pytest.mark.parametrize("name", PROJECTS)
def test_what_it_reads_exists_and_what_it_writes_is_ignored_by_git(name):
    for step in steps(project(name)):
        for key, value in parameters(step).items():
            path = PLACEHOLDER.sub("x", str(value))
            if key in INPUTS:
                assert (ROOT / path).exists(), f"{step['uses']}: {key} {value} does not exist"
            if key in OUTPUTS:
                assert ignored(path), f"{step['uses']}: {key} {value} is not git-ignored"


@pytest.mark.parametrize("name", PROJECTS)
def test_every_variable_is_defined_for_its_environment(name):
    doc, env = project(name), PROJECTS[name]
    assert (ROOT / doc["environmentFolderPath"] / f".env.{env}").exists()
    defined = set(dotenv_values(ROOT / "env" / f".env.{env}")) | BUILT_IN
    for step in steps(doc):
        used = set(PLACEHOLDER.findall(json.dumps(step.get("with") or {})))
        secrets = {v for v in used if v.startswith("SECRET_")}  # from env/.env.<env>.user
        assert used - secrets <= defined, f"{step['uses']} uses {used - secrets - defined}"
        defined |= set((step.get("writeToEnvironmentFile") or {}).values())


@pytest.mark.parametrize("name", ["m365agents.yml", "m365agents.local.yml"])
def test_the_package_it_zips_gets_every_manifest_placeholder(name):
    doc = project(name)
    defined = set(dotenv_values(ROOT / "env" / f".env.{PROJECTS[name]}"))
    for step in doc["provision"]:
        defined |= set((step.get("writeToEnvironmentFile") or {}).values())
    template = (ROOT / "appPackage/manifest.json").read_text()
    assert set(PLACEHOLDER.findall(template)) <= defined
    assert any(step["uses"] == "teamsApp/zipAppPackage" for step in doc["provision"])


@pytest.mark.parametrize("env_file", ENV_FILES, ids=lambda p: p.name)
def test_committed_env_files_hold_no_secrets(env_file):
    for key, value in dotenv_values(env_file).items():
        assert not key.startswith("SECRET_"), key
        assert not (re.search("PASSWORD|SECRET", key, re.I) and value), key


def test_the_secret_files_and_the_bot_s_env_file_are_ignored_by_git():
    assert "env/.env.*.user" in GITIGNORE  # where the toolkit writes SECRET_* values
    assert ignored(".env")  # where the local deploy writes MicrosoftAppPassword


def test_the_bot_identity_is_single_tenant_like_the_bot_expects():
    for name in ("m365agents.yml", "m365agents.local.yml"):
        (aad,) = [s for s in project(name)["provision"] if s["uses"] == "aadApp/create"]
        assert aad["with"]["signInAudience"] == "AzureADMyOrg"
        assert aad["writeToEnvironmentFile"]["clientSecret"].startswith("SECRET_")


def test_the_local_deploy_writes_settings_under_the_names_the_bot_reads():
    # A typo here would leave the bot without its identity, silently.
    aliases = set()
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        aliases |= set(getattr(alias, "choices", [alias]) if alias else [])
    (write,) = [
        s
        for s in project("m365agents.local.yml")["deploy"]
        if s["uses"] == "file/createOrUpdateEnvironmentFile"
    ]
    assert write["with"]["target"] == "./.env"
    assert set(write["with"]["envs"]) <= aliases, set(write["with"]["envs"]) - aliases
    assert write["with"]["envs"]["MicrosoftAppType"] == "SingleTenant"
