"""The Teams command menus in appPackage/manifest.json, chosen from the command registry.

Teams shows at most 10 commands per scope (title up to 32 characters, description up to 128),
while the registry (dialogs/__init__.py) holds more; `help` always lists them all. So each scope
names, in menu order, the commands most useful there:

- personal: a person's own desk: file, find and work their tickets.
- team: the triage channel, where the bot is @mentioned: the queue and its decisions.
- groupChat: people working a ticket together.

Titles are the registered command names (what Teams sends when one is picked), descriptions the
registry's help text with the command's arguments. tests/appPackage/test_commands.py fails when
the manifest and this choice drift apart, or when a chosen command is no longer registered.

    python -m scripts.manifest_commands           # rewrite the manifest's commandLists
    python -m scripts.manifest_commands --check   # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

MANIFEST = Path(__file__).resolve().parents[1] / "appPackage" / "manifest.json"
MAX_COMMANDS = 10
MAX_TITLE = 32
MAX_DESCRIPTION = 128

MANIFEST_COMMANDS: dict[str, tuple[str, ...]] = {
    "personal": (
        "help",
        "new ticket",
        "my tickets",
        "queue",
        "ticket",
        "note",
        "escalate",
        "resolve",
        "parts",
        "kb",
    ),
    "team": (
        "help",
        "queue",
        "new ticket",
        "acknowledge",
        "assign",
        "ticket",
        "note",
        "parts status",
        "kb",
        "scorecard",
    ),
    "groupChat": (
        "help",
        "new ticket",
        "queue",
        "ticket",
        "my tickets",
        "note",
        "escalate",
        "parts",
        "kb",
        "whoami",
    ),
}


def describe(command: Any) -> dict[str, str]:
    """A manifest command entry for a registered `bot.router.Command`."""
    description = command.help
    if command.usage:
        description = f"{description} — {command.name} {command.usage}"
    return {"title": command.name, "description": description}


def command_lists(commands: Iterable[Any]) -> list[dict[str, Any]]:
    """One commandList per scope, in MANIFEST_COMMANDS order; unknown names raise KeyError."""
    by_name = {command.name: command for command in commands}
    return [
        {"scopes": [scope], "commands": [describe(by_name[name]) for name in names]}
        for scope, names in MANIFEST_COMMANDS.items()
    ]


def registered_commands() -> list[Any]:
    """Every command the production bot registers (imports the bot, so only for tools)."""
    from bot.router import Router
    from dialogs import desk_features

    return Router(desk_features()).commands


def render(manifest: dict[str, Any], lists: list[dict[str, Any]]) -> str:
    """The manifest text with `lists` as its bot's commandLists, in the file's layout."""
    manifest["bots"][0]["commandLists"] = lists
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the manifest's command lists, or with --check report whether they are current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    args = parser.parse_args(argv)
    current = MANIFEST.read_text(encoding="utf-8")
    wanted = render(json.loads(current), command_lists(registered_commands()))
    if current == wanted:
        return 0
    if args.check:
        print("appPackage/manifest.json commandLists are out of date", file=sys.stderr)
        print("run: python -m scripts.manifest_commands", file=sys.stderr)
        return 1
    MANIFEST.write_text(wanted, encoding="utf-8")
    print(f"wrote the command lists into {MANIFEST.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
