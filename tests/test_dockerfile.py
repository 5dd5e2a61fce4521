"""The Dockerfile, read rather than built (no Docker engine in CI): what a working image needs.

Checks what breaks an image silently: a package of pyproject.toml not copied in (the bot dies on
import), a copied path excluded by .dockerignore (the build fails), running as root, no health
check, or secrets from .env sent along with the build context.
"""

from __future__ import annotations

import fnmatch
import json
import shlex
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    lines, current = [], ""
    for raw in (ROOT / "Dockerfile").read_text().splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        current += line
        keyword, _, rest = current.partition(" ")
        lines.append((keyword.upper(), rest.strip()))
        current = ""
    return lines


def all_of(keyword: str) -> list[str]:
    return [args for kw, args in instructions() if kw == keyword]


def dockerignored(path: str) -> bool:
    """Whether .dockerignore keeps `path` out of the build context (last match wins)."""
    result = False
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negate, pattern = line.startswith("!"), line.lstrip("!").rstrip("/")
        parts = path.rstrip("/").split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if any(fnmatch.fnmatch(p, pattern.removeprefix("**/")) for p in prefixes):
            result = not negate
    return result


def copied_sources() -> list[str]:
    sources = []
    for args in all_of("COPY"):
        *paths, _destination = shlex.split(args)
        sources += [p for p in paths if not p.startswith("--")]
    return sources


def test_the_base_image_is_python_3_11_slim():
    assert instructions()[0] == ("FROM", "python:3.11-slim")


def test_it_runs_as_a_user_it_creates_not_as_root():
    users = all_of("USER")
    assert users and users[-1] not in {"root", "0", "0:0"}
    assert any("useradd" in run and users[-1] in run for run in all_of("RUN"))
    order = [kw for kw, _ in instructions()]
    assert order.index("USER") < order.index("CMD")


def test_every_package_of_pyproject_and_the_entry_point_are_copied_in():
    found = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = {pattern.rstrip("*") for pattern in found}
    modules = {f"{m}.py" for m in PYPROJECT["tool"]["setuptools"]["py-modules"]}
    copied = {p.rstrip("/") for p in copied_sources()}
    needed = packages | modules | {"pyproject.toml", PYPROJECT["project"]["readme"]}
    assert needed <= copied, needed - copied
    for source in copied:
        assert (ROOT / source).exists(), source
        assert not dockerignored(source), f"{source} is copied but .dockerignore excludes it"


def test_it_installs_from_pyproject():
    runs = " ".join(all_of("RUN"))
    assert "tomllib" in runs and "['project']['dependencies']" in runs
    assert "pip install --no-deps ." in runs


def test_it_listens_on_every_interface_on_port_3978():
    env = " ".join(all_of("ENV"))
    assert "HOST=0.0.0.0" in env and "PORT=3978" in env
    assert all_of("EXPOSE") == ["3978"]


def test_the_health_check_asks_healthz():
    (check,) = all_of("HEALTHCHECK")
    assert "CMD" in check and "/healthz" in check and "PORT" in check


def test_the_container_starts_the_bot():
    assert [json.loads(cmd) for cmd in all_of("CMD")] == [["python", "app.py"]]


def test_secrets_and_local_state_stay_out_of_the_build_context():
    for path in (".env", "env/.env.dev.user", "var/supportdesk.db", ".venv/bin/python", ".git"):
        assert dockerignored(path), path
    assert not dockerignored(".env.example")
