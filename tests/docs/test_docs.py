"""The README and docs/deployment.md stay true to the code: settings, make targets, links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from services.delivery.settings import DeliverySettings
from services.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOYMENT = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
DOCS = {p: p.read_text(encoding="utf-8") for p in (ROOT / "README.md", ROOT / "docs/deployment.md")}
TARGETS = set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.M))


def setting_names() -> list[str]:
    """The first (documented) name of every Settings field, and every OUTBOX_ variable."""
    names = []
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        if alias is None:
            continue  # nested settings with their own prefix, listed below
        names.append(alias.choices[0] if hasattr(alias, "choices") else alias)
    prefix = DeliverySettings.model_config["env_prefix"]
    names += [f"{prefix}{name}".upper() for name in DeliverySettings.model_fields]
    return names


@pytest.mark.parametrize("name", setting_names())
def test_the_deployment_guide_explains_every_setting(name):
    assert f"`{name}`" in DEPLOYMENT, f"docs/deployment.md does not explain {name}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_make_command_named_is_a_makefile_target(doc):
    named = set(re.findall(r"\bmake ([a-z][\w-]*)", DOCS[doc]))
    assert named, "the docs name make commands"
    assert named <= TARGETS, named - TARGETS


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_relative_links_and_anchors_resolve(doc):
    for target in re.findall(r"\]\(([^)#:]+)(?:#([^)]+))?\)", DOCS[doc]):
        path, anchor = target
        linked = (doc.parent / path).resolve()
        assert linked.exists(), path
        if anchor:
            headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
            slugs = {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}
            assert anchor in slugs, f"{path}#{anchor}"


def test_the_readme_keeps_the_two_command_path():
    readme = DOCS[ROOT / "README.md"]
    assert "make run     # install, then start the bot" in readme
    assert "make test    # install with the test tools" in readme
    assert {"run", "test", "playground", "demo", "package"} <= TARGETS
