"""The desk these conversations run on: a triage channel, Monday 9 AM, preset tickets."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.keys import SERVICES
from tests.harness.desk import Desk
from tests.harness.triage import MONDAY_9AM, filing_desk, with_triage_channel


@pytest.fixture
async def desk(settings, connector, tmp_path) -> AsyncIterator[Desk]:
    """The production features with a triage channel, plus `file <preset>`."""
    async with filing_desk(with_triage_channel(settings, tmp_path), connector) as running:
        running.app[SERVICES].clock = lambda: MONDAY_9AM
        yield running
