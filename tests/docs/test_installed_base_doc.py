"""docs/installed-base.md stays true to the importer: its column table is the one the code
reads, and its example export loads."""

from __future__ import annotations

import io
import re
from pathlib import Path

from services.installed_base.export_columns import COLUMNS
from services.installed_base.saved_search import read_export
from tests.harness.domain import BESTPACK

DOC = (Path(__file__).resolve().parents[2] / "docs" / "installed-base.md").read_text("utf-8")


def test_the_documented_columns_are_the_ones_read_with_their_limits() -> None:
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]+) \| [^|]+ \|\s*(\d*)\s*\|$", DOC, re.M)
    documented = {label: (required.strip() == "yes", limit) for label, required, limit in rows}
    read = {c.label: (c.required, str(c.limit or "")) for c in COLUMNS.values()}
    assert documented == read


def test_the_example_export_loads() -> None:
    (example,) = re.findall(r"```csv\n(.*?)```", DOC, re.S)
    export = read_export(io.StringIO(example, newline=""), BESTPACK)
    assert [m.serial for m in export.machines] == ["CE4-10421", "TF5-20001", "NC2-30001"]
    assert export.machines[2].site.state == "NJ"
