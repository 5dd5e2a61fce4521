"""Load a profile by shipped name ("bestpack") or by path to a TOML file."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from pydantic import ValidationError

from services.profile.errors import ProfileError, problems_from_pydantic
from services.profile.models import Profile

SHIPPED: Path = Path(__file__).resolve().parent  # where shipped <name>.toml profiles live
# A bare word is a shipped profile; anything else (a separator, ".toml") is a path.
_SHIPPED_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


def shipped_profiles() -> tuple[str, ...]:
    """Names of the profiles shipped inside this package."""
    return tuple(sorted(f.stem for f in SHIPPED.glob("*.toml")))


def load_profile(ref: str | os.PathLike[str]) -> Profile:
    """Load and validate a profile; raises ProfileError naming the file, key path and problem."""
    source, raw = _read(ref)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message already ends with "(at line L, column C)".
        raise ProfileError(source, [f"TOML syntax error: {exc}"]) from None
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(source, problems_from_pydantic(exc.errors())) from None


def _read(ref: str | os.PathLike[str]) -> tuple[str, str]:
    if isinstance(ref, str) and _SHIPPED_NAME.match(ref):
        return _read_shipped(ref)
    path = Path(ref)
    try:
        return str(path), path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(str(path), ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(str(path), [f"cannot read file: {exc}"]) from None


def _read_shipped(name: str) -> tuple[str, str]:
    path = SHIPPED / f"{name}.toml"
    if not path.is_file():
        available = ", ".join(shipped_profiles()) or "none"
        raise ProfileError(name, [f"no shipped profile named '{name}' (available: {available})"])
    return str(path), path.read_text(encoding="utf-8")
