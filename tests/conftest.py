"""Shared fixtures: a running desk (the app over HTTP plus a recording connector)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.settings import Settings
from tests.harness.connector import FakeConnector
from tests.harness.desk import Desk

pytest_plugins = ["tests.fixtures.databases"]


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for a bot with authentication off and its own SQLite file."""
    return Settings(
        _env_file=None,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'desk.db'}",
        app_id="",
        app_password="",
        scheduler_enabled=False,  # tests run the scheduler's ticks themselves (run_due)
    )


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    """The recording Bot Connector."""
    fake = FakeConnector()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def desk(settings: Settings, connector: FakeConnector) -> AsyncIterator[Desk]:
    """The bot, running."""
    running = Desk(settings, connector)
    await running.start()
    yield running
    await running.close()


@pytest.fixture
async def desk_on_each_database(
    settings_on_each_database: Settings, connector: FakeConnector
) -> AsyncIterator[Desk]:
    """The bot, running on SQLite and then on PostgreSQL."""
    running = Desk(settings_on_each_database, connector)
    await running.start()
    yield running
    await running.close()
