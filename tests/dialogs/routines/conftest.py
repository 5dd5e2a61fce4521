"""The routines' conversations run on the shipped Kinetic profile, its routines switched on."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.settings import Settings
from tests.harness.routines import REVIEW_IN_CHANNEL, kinetic_settings


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    """The test settings on the Kinetic desk (its weekly review posted to a channel)."""
    return kinetic_settings(settings, tmp_path, REVIEW_IN_CHANNEL)
