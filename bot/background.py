"""Slow card work runs after the invoke is answered, then replaces the card it came from.

Teams waits only about 5-15 s for an answer to a card action and then shows "Unable to reach
app"; work that may take longer is started here and its result is sent as a card update.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ConversationReference

from bot.turn import card_message

log = logging.getLogger(__name__)


class BackgroundWork:
    """Runs slow work outside the turn and updates the original card with its result."""

    def __init__(self, adapter: CloudAdapter, app_id: str) -> None:
        self._adapter = adapter
        self._app_id = app_id
        self._tasks: set[asyncio.Task] = set()

    def replace_card_later(
        self,
        context: TurnContext,
        activity_id: str,
        work: Callable[[], Awaitable[dict[str, Any]]],
    ) -> asyncio.Task:
        """Run `work` in the background; the card it returns replaces `activity_id`."""
        reference = TurnContext.get_conversation_reference(context.activity)
        task = asyncio.create_task(self._run(reference, activity_id, work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _run(self, reference: ConversationReference, activity_id: str, work) -> None:
        try:
            card = await work()
        except Exception:
            log.exception("background card work failed for activity %s", activity_id)
            return

        async def update(context: TurnContext) -> None:
            activity = card_message(card)
            activity.id = activity_id
            await context.update_activity(activity)

        await self._adapter.continue_conversation(reference, update, self._app_id)

    async def drain(self, timeout: float = 10.0) -> None:
        """Let running work finish (shutdown), cancelling what is still running at the timeout."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
        for task in pending:
            task.cancel()
