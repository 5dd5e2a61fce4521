"""Fixtures shared by the bot's tests: the fake Bot Framework login."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.harness.openid import FakeBotFrameworkLogin


@pytest.fixture
def login() -> Iterator[FakeBotFrameworkLogin]:
    """The fake login.botframework.com (signing keys) and Entra (the bot's own tokens)."""
    fake = FakeBotFrameworkLogin()
    fake.start()
    yield fake
    fake.close()
