"""The manifest's command menus and the command registry stay in step."""

from __future__ import annotations

import json

import pytest

from scripts.manifest_commands import (
    MANIFEST,
    MANIFEST_COMMANDS,
    MAX_COMMANDS,
    MAX_DESCRIPTION,
    MAX_TITLE,
    command_lists,
    describe,
    registered_commands,
)

COMMANDS = registered_commands()
BOT = json.loads(MANIFEST.read_text(encoding="utf-8"))["bots"][0]
PHRASES = {phrase for c in COMMANDS for phrase in (c.name, *c.aliases)}


def test_the_manifest_lists_what_the_registry_and_the_choice_give():
    # Fails after a command's name or help changes: run python -m scripts.manifest_commands.
    assert BOT["commandLists"] == command_lists(COMMANDS)


def test_every_manifest_command_is_a_registered_command_phrase():
    titles = {c["title"] for lst in BOT["commandLists"] for c in lst["commands"]}
    assert titles <= PHRASES, titles - PHRASES


def test_each_scope_of_the_bot_has_one_list_within_the_teams_limits():
    assert [lst["scopes"] for lst in BOT["commandLists"]] == [[s] for s in BOT["scopes"]]
    for lst in BOT["commandLists"]:
        titles = [c["title"] for c in lst["commands"]]
        assert 1 <= len(titles) <= MAX_COMMANDS
        assert len(set(titles)) == len(titles), titles
        assert titles[0] == "help", "every menu starts with the command that lists the rest"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_any_registered_command_could_go_in_a_menu(command):
    # So swapping a command into a menu never needs its help text shortened first.
    entry = describe(command)
    assert len(entry["title"]) <= MAX_TITLE
    assert 0 < len(entry["description"]) <= MAX_DESCRIPTION


def test_a_chosen_command_that_is_no_longer_registered_is_reported():
    without_kb = [c for c in COMMANDS if c.name != "kb"]
    assert "kb" in MANIFEST_COMMANDS["personal"]
    with pytest.raises(KeyError, match="kb"):
        command_lists(without_kb)


def test_descriptions_carry_the_arguments_a_command_needs():
    by_title = {
        c["title"]: c["description"] for lst in BOT["commandLists"] for c in lst["commands"]
    }
    assert by_title["assign"].endswith("assign <ticket> <person> [reason]")
    assert by_title["help"] == "Show what I can do for you"
