"""The Kinetic Data desk these conversations run on, its clock stopped on a business Monday."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.harness.desk import Desk
from tests.harness.involvement import kinetic_desk


@pytest.fixture
async def kinetic(settings, connector) -> AsyncIterator[Desk]:
    """The bot on the shipped Kinetic Data profile."""
    async with kinetic_desk(settings, connector) as running:
        yield running
