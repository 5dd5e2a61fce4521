"""The manifest's BP Search message extension and the bot's registered search commands agree."""

from __future__ import annotations

import json

from bot.router import Router
from dialogs import desk_features
from scripts.package_app import APP_PACKAGE

MANIFEST = json.loads((APP_PACKAGE / "manifest.json").read_text(encoding="utf-8"))
[EXTENSION] = MANIFEST["composeExtensions"]


def test_the_extension_is_the_bots_and_offers_customer_machine_and_order_searches():
    assert EXTENSION["botId"] == MANIFEST["bots"][0]["botId"]
    commands = EXTENSION["commands"]
    assert [(c["id"], c["title"], c["type"]) for c in commands] == [
        ("customer", "Customer", "query"),
        ("machine", "Machine", "query"),
        ("order", "Order", "query"),
    ]
    assert [len(c["parameters"]) for c in commands] == [1, 1, 1]


def test_every_manifest_command_has_a_handler_and_every_handler_a_command():
    registered = {e.command_id for f in Router(desk_features()).features for e in f.extensions}
    assert {c["id"] for c in EXTENSION["commands"]} == registered
