"""Variants of the shipped BestPack profile for tests: the same file with one line changed."""

from __future__ import annotations

from pathlib import Path

from services.profile.loader import SHIPPED
from services.settings import Settings


def with_channel(settings: Settings, folder: Path, purpose: str, channel_id: str) -> Settings:
    """`settings` on a copy of the BestPack profile whose [channels] `purpose` is `channel_id`."""
    text = (SHIPPED / "bestpack.toml").read_text()
    blank = f'{purpose} = ""'
    # Exactly one such line, or the profile changed shape and the replace would mean nothing.
    assert text.count(blank) == 1, f"bestpack.toml has no single '{blank}' line"
    path = folder / f"bestpack-with-{purpose}-channel.toml"
    path.write_text(text.replace(blank, f'{purpose} = "{channel_id}"'))
    return settings.model_copy(update={"profile": str(path)})
