"""docs/kinetic.md stays true to services/profile/kinetic.toml: its roles, statuses, routing and
the error it quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from services.profile import ProfileError, load_profile
from services.profile.loader import SHIPPED

DOC = (Path(__file__).resolve().parents[2] / "docs" / "kinetic.md").read_text("utf-8")
KINETIC = load_profile("kinetic")


def test_the_role_table_is_the_profiles_roles_and_capabilities() -> None:
    rows = re.findall(r"^\| ([A-Z][\w ]+) \| [^|]+ \| ((?:`\w+`(?:, )?)+) \|$", DOC, re.M)
    documented = {label: re.findall(r"`(\w+)`", caps) for label, caps in rows}
    assert documented == {r.label: [str(c) for c in r.capabilities] for r in KINETIC.roles}


def test_the_status_table_is_the_profiles_statuses() -> None:
    rows = re.findall(r"^\| ([A-Z][\w ]+) \| `(\w+)`", DOC, re.M)
    assert rows == [(s.label, s.role.value) for s in KINETIC.statuses]


def test_the_quoted_routing_error_is_the_one_a_typo_gets(tmp_path: Path) -> None:
    text = (SHIPPED / "kinetic.toml").read_text("utf-8")
    broken = tmp_path / "kinetic.toml"
    broken.write_text(text.replace('category = ["problem"]', 'category = ["bug"]'))
    with pytest.raises(ProfileError) as caught:
        load_profile(broken)
    quoted = re.search(r"e\.g\. `([^`]+)\(question, problem, \.\.\.\)`", DOC)
    assert quoted and quoted.group(1) in str(caught.value)
