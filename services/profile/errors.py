"""Errors raised while loading a profile, and how their key paths are written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Loc = tuple[str | int, ...]

# pydantic's own wording is written for API payloads; config authors need to hear "key".
_FRIENDLY = {
    "extra_forbidden": "unknown key (check the spelling)",
    "missing": "required key is missing",
}


def format_loc(loc: Loc) -> str:
    """Write a key path the way it looks in TOML terms, e.g. ``roster[2].email``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a profile: where (key path) and what."""

    loc: Loc
    message: str

    def __str__(self) -> str:
        return f"{format_loc(self.loc)}: {self.message}"


class ReferenceProblems(ValueError):
    """Cross-reference failures found after every section parsed on its own."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


class ProfileError(Exception):
    """A profile could not be loaded; the message has one line per problem."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(f"profile {source}: {p}" for p in problems))


def problems_from_pydantic(errors: list[dict[str, Any]]) -> list[str]:
    """Turn pydantic's error dicts into ``key.path: problem`` lines, expanding reference checks."""
    lines: list[str] = []
    for error in _without_echoes(errors):
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, ReferenceProblems):
            lines.extend(str(Problem((*error["loc"], *p.loc), p.message)) for p in cause.problems)
            continue
        if error["type"] in _FRIENDLY:
            message = _FRIENDLY[error["type"]]
        elif error["type"] in ("enum", "literal_error"):
            message = f"{error['input']!r} is not one of {error['ctx']['expected']}"
        elif isinstance(cause, Exception):
            message = str(cause)
        else:
            message = error["msg"]
        lines.append(str(Problem(tuple(error["loc"]), message)))
    return lines


def _without_echoes(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # pydantic drops invalid items and then also says the list is too short; that second error
    # only repeats the first, so leave it out when an item below the same key already failed.
    failed = [tuple(e["loc"]) for e in errors]
    return [
        e
        for e in errors
        if e["type"] != "too_short"
        or not any(len(f) > len(e["loc"]) and f[: len(e["loc"])] == tuple(e["loc"]) for f in failed)
    ]
