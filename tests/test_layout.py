"""Test modules hold tests: what several of them share lives in tests/harness/ (functions and
constants) or a conftest.py (fixtures), never in another test_* module.

An import from a test module hides where a fixture comes from (pytest finds it only because the
import put it in the importer's namespace), runs a test twice if one is imported by name, and
lets an edit to one test file break another.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """The module a `from ... import` reads, relative imports resolved against `package`."""
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _is_test_module(dotted: str) -> bool:
    """Whether a dotted name is, or lies inside, one of this project's test_* modules."""
    parts = dotted.split(".")
    return parts[0] == "tests" and any(part.startswith("test_") for part in parts[1:])


def imported_test_modules(source: str, package: str) -> list[str]:
    """The test_* modules that `source`, a module of `package`, imports from."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, package)
            # `from tests.bot import test_auth` imports the test module itself.
            names = (
                [module] if _is_test_module(module) else [f"{module}.{a.name}" for a in node.names]
            )
        else:
            continue
        found.extend(name for name in names if _is_test_module(name))
    return found


def test_no_test_module_imports_from_another():
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        package = ".".join(path.relative_to(ROOT).parent.parts)
        for module in imported_test_modules(path.read_text(encoding="utf-8"), package):
            offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    advice = "move what is shared to tests/harness/ or a conftest.py:"
    assert not offenders, "\n".join([advice, *offenders])


def test_no_module_of_helpers_poses_as_a_test_module():
    helpers = [str(p.relative_to(ROOT)) for p in TESTS.rglob("test_*helpers*.py")]
    assert helpers == [], "helpers belong in tests/harness/ or a conftest.py"


@pytest.mark.parametrize(
    ("source", "package", "found"),
    [
        ("from tests.bot.test_auth import APP_ID, login", "tests.bot", ["tests.bot.test_auth"]),
        (
            "import tests.cards.test_card_schema as s",
            "tests.cards",
            ["tests.cards.test_card_schema"],
        ),
        ("from tests.cards import test_card_schema", "tests", ["tests.cards.test_card_schema"]),
        ("from .test_proactive import pager", "tests.bot", ["tests.bot.test_proactive"]),
        (
            "from ..services.test_scorecard import POSTED",
            "tests.harness",
            ["tests.services.test_scorecard"],
        ),
        ("def f():\n    from tests.bot.test_auth import APP_ID", "tests", ["tests.bot.test_auth"]),
        ("from tests.harness.outbox import replica", "tests.bot", []),
        ("from aiohttp.test_utils import TestClient", "tests.harness", []),
        ("from . import conftest", "tests.bot", []),
    ],
)
def test_the_check_sees_every_way_of_importing_a_test_module(source, package, found):
    assert imported_test_modules(source, package) == found
