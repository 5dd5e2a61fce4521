"""Work that runs after a turn has answered: notices to other people, slow card updates.

Teams waits only about 5-15 s for a card action's answer, and an answer that waits on other
chats' Bot Connector calls grows with every notice. So a turn only queues such work
(`Turn.after`); the HTTP layer starts it once the answer is on its way, in the order queued.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable

log = logging.getLogger(__name__)
Work = Callable[[], Awaitable[None]]


class AfterAnswer:
    """Runs each turn's queued work in the background, and waits for it at shutdown."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()

    def start(self, works: Iterable[Work]) -> None:
        """Run one turn's works, one after another, without holding up its answer."""
        queued = list(works)
        if not queued:
            return
        task = asyncio.create_task(self._run(queued))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _run(works: list[Work]) -> None:
        for work in works:
            try:
                await work()
            except Exception:
                # One failed notice must not keep the next from being sent.
                log.exception("work after the answer failed")

    async def idle(self) -> None:
        """Wait until every started work has finished (tests read what was sent after)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def drain(self, timeout: float = 10.0) -> None:
        """Let running work finish (shutdown), cancelling what still runs at the timeout."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
        for task in pending:
            task.cancel()
