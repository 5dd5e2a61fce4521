"""Process 4's fixtures: a desk where two people decide escalations."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.profile.loader import SHIPPED
from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk


@pytest.fixture
async def two_managers_desk(
    settings: Settings, connector: FakeConnector, tmp_path
) -> AsyncIterator[Desk]:
    """The bot on a variant of the shipped profile where Mary also decides escalations."""
    text = (SHIPPED / "bestpack.toml").read_text(encoding="utf-8")
    mary_roles = 'roles = ["intake_admin", "triage"]'
    assert text.count(mary_roles) == 1
    variant = tmp_path / "two-managers.toml"
    variant.write_text(text.replace(mary_roles, mary_roles[:-1] + ', "engineering_manager"]'))
    running = Desk(settings.model_copy(update={"profile": str(variant)}), connector)
    await running.start()
    yield running
    await running.close()
