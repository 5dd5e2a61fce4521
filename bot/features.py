"""Every feature the bot offers, in the order the help card lists them."""

from __future__ import annotations

from bot.commands import core
from bot.router import Feature


def default_features() -> list[Feature]:
    """The features a production bot registers."""
    return [core]
