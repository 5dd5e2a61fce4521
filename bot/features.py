"""Every feature the bot offers, in the order the help card lists them."""

from __future__ import annotations

from bot.commands import core
from bot.router import Feature
from dialogs.assignment import assignment
from dialogs.closure import closure
from dialogs.intake import feature as intake
from dialogs.reopen import reopening
from dialogs.triage import triage
from dialogs.troubleshooting import troubleshooting


def default_features() -> list[Feature]:
    """The features a production bot registers."""
    return [core, intake, triage, assignment, troubleshooting, closure, reopening]
