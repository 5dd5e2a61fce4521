"""The routines' conversations run on the Kinetic-style desk with its routines switched on."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.settings import Settings
from tests.harness.routines import kinetic_settings


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    """The test settings on the Kinetic desk with the seed's routines."""
    return kinetic_settings(settings, tmp_path)
