"""Wakes the outbox worker when a message falls due before the worker would look again."""

from __future__ import annotations

import asyncio
from datetime import datetime


class Doorbell:
    """An asyncio.Event that ignores rings for times the worker already plans to look at.

    Every paced or rescheduled message rings it; without the filter a busy outbox would have
    the worker re-query the database once per message instead of once per due time.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._next_look: datetime | None = None  # None: looking now, every ring counts

    def ring(self, due: datetime | None = None) -> None:
        """Something is due at `due` (None: now, or unknown)."""
        if due is None or self._next_look is None or due < self._next_look:
            self._event.set()

    def looking(self) -> None:
        """The worker starts a look: rings from now on are kept for after it."""
        self._next_look = None
        self._event.clear()

    async def sleep(self, seconds: float, next_look: datetime) -> None:
        """Wait until `next_look` (`seconds` away) or an earlier ring, whichever comes first."""
        self._next_look = next_look
        try:
            async with asyncio.timeout(seconds):
                await self._event.wait()
        except TimeoutError:
            pass
