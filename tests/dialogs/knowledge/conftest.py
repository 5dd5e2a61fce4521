"""Process 7's fixtures: the bot on each database, for the conversations that search."""

from __future__ import annotations

import pytest

from tests.harness.desk import Desk


@pytest.fixture
def kb_desk(desk_on_each_database: Desk) -> Desk:
    """The bot, running on each database in turn."""
    return desk_on_each_database
