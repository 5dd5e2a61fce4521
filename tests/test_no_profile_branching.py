"""Both desks, one code: nothing in services/, dialogs/, cards/ or bot/ decides by a profile's
name or company. Behaviour comes from profile keys (roles, capabilities, rules, teams), so a
third desk needs a TOML file, not an `if`.

Read as code, not text: a docstring or comment may name BestPack to explain itself, but a
string that is a shipped profile's name or company, or a comparison of a profile's `name` or
`company` with a string, is a branch on who the desk is.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from services.profile import load_profile, shipped_profiles

ROOT = Path(__file__).resolve().parent.parent
CODE = ("services", "dialogs", "cards", "bot")
# Where a shipped name is data, not a branch: the profile a bot runs when SUPPORT_PROFILE is unset.
ALLOWED = {("services/settings.py", "bestpack")}


def who_the_desks_are() -> frozenset[str]:
    """Every shipped profile's name and company, case-folded."""
    found = set()
    for name in shipped_profiles():
        found |= {name.casefold(), load_profile(name).company.casefold()}
    return frozenset(found)


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string nodes that are docstrings (a module's, class's or function's)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _about_profile(node: ast.AST) -> bool:
    """`profile.name`, `self._profile.company`, `turn.services.profile.name`..."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr in ("name", "company")
        and "profile" in ast.unparse(node.value).casefold()
    )


def branches(source: str, desks: frozenset[str]) -> list[tuple[int, str]]:
    """(line, what) of each place `source` decides by who the desk is."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(text, str) and id(node) not in skip and text.strip().casefold() in desks:
            found.append((node.lineno, f"the string {text!r}"))
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            literal = any(
                isinstance(s, ast.Constant | ast.Tuple | ast.List | ast.Set) for s in sides
            )
            if literal and any(_about_profile(s) for s in sides):
                found.append((node.lineno, ast.unparse(node)))
    return found


@pytest.mark.parametrize(
    "source",
    [
        'if profile.name == "kinetic":\n    pass',
        'flag = turn.services.profile.company in ("Kinetic Data", "Acme")',
        'x = self._profile.name != "anything"',
        'match profile.name:\n    case "bestpack":\n        pass',
        'HUBSPOT = {"kinetic": True}',
    ],
)
def test_the_check_finds_a_branch_on_the_desk(source: str) -> None:
    assert branches(source, who_the_desks_are())


@pytest.mark.parametrize(
    "source",
    [
        '"""The BestPack Support Way as code: nothing here branches on it."""',
        "query = tickets.c.profile == self._profile.name",
        'label = f"The {profile.company} desk"',
        "# if profile.name == 'kinetic': a comment is no branch",
    ],
)
def test_the_check_leaves_scoping_and_words_alone(source: str) -> None:
    assert branches(source, who_the_desks_are()) == []


def test_no_code_decides_by_the_profiles_name_or_company() -> None:
    desks = who_the_desks_are()
    offenders = []
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            where = path.relative_to(ROOT).as_posix()
            for line, what in branches(path.read_text(encoding="utf-8"), desks):
                if not any(where == f and what == f"the string {n!r}" for f, n in ALLOWED):
                    offenders.append(f"{where}:{line}: {what}")
    advice = "decide by a profile key (role, capability, rule, team), not by who the desk is:"
    assert not offenders, "\n".join([advice, *offenders])
