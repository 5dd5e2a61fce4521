"""Once per activity id: Teams re-sends a slow activity, and the copy gets the first answer.

Wraps the turn logic, so it runs after authentication and the tenant check: a forged copy
without a valid token can never claim an activity id first.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from http import HTTPStatus

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.invoke import MESSAGE_TYPE, invoke_body
from services.db.receipts import ReceiptBook, current_receipt, receipt_key
from services.db.types import utc_now

log = logging.getLogger(__name__)
TurnLogic = Callable[[TurnContext], Awaitable[None]]
# Longer than any turn takes; a copy waiting on a crashed first copy takes over after it.
LEASE = timedelta(seconds=60)
STILL_WORKING = "I'm still working on that; the card updates when it is done."
ALREADY_DONE = "That was already done. Refresh the card to see where it stands now."
_ONCE_TYPES = (ActivityTypes.message, ActivityTypes.invoke)


def _key(activity: Activity) -> str | None:
    if activity.type not in _ONCE_TYPES or not activity.id or activity.conversation is None:
        return None
    return receipt_key(activity.channel_id or "", activity.conversation.id or "", activity.id)


def _invoke_answer(context: TurnContext) -> InvokeResponse | None:
    held = context.turn_state.get(TurnContext._INVOKE_RESPONSE_KEY)
    return held.value if held is not None else None


def _answer_with(context: TurnContext, status: int, body: object) -> None:
    answer = Activity(
        type=ActivityTypes.invoke_response, value=InvokeResponse(status=status, body=body)
    )
    context.turn_state[TurnContext._INVOKE_RESPONSE_KEY] = answer


def _replay(context: TurnContext, status: int | None, body: object) -> None:
    if status is None or body is None:  # the first copy failed after its change was saved
        _answer_with(context, HTTPStatus.OK, invoke_body(MESSAGE_TYPE, ALREADY_DONE))
    else:
        _answer_with(context, status, body)


class Replays:
    """Applies each activity once and replays the stored answer to its copies."""

    def __init__(self, book: ReceiptBook, *, wait: float = 8.0, poll: float = 0.05) -> None:
        self._book = book
        self._wait = wait  # under Teams' own give-up time, so the copy is still listening
        self._poll = poll
        self._purged_at = 0.0

    def once(self, logic: TurnLogic) -> TurnLogic:
        """`logic`, run only by the first copy of each activity."""

        async def guarded(context: TurnContext) -> None:
            key = _key(context.activity)
            if key is None:
                await logic(context)
                return
            await self._purge_now_and_then()
            if await self._book.claim(key, utc_now(), LEASE) or await self._wait_for(key, context):
                await self._run(key, logic, context)

        return guarded

    async def _run(self, key: str, logic: TurnLogic, context: TurnContext) -> None:
        token = current_receipt.set(key)
        try:
            await logic(context)
        except BaseException:
            await self._book.release(key)
            raise
        finally:
            current_receipt.reset(token)
        answer = _invoke_answer(context)
        if answer is None:
            await self._book.finish(key, HTTPStatus.CREATED, None)
        else:
            await self._book.finish(key, int(answer.status), answer.body)

    async def _wait_for(self, key: str, context: TurnContext) -> bool:
        """Answer a copy with the first one's answer; True when this copy must run it instead."""
        deadline = time.monotonic() + self._wait
        while True:
            receipt = await self._book.get(key)
            if receipt is None:  # the first copy failed before changing anything
                return await self._book.claim(key, utc_now(), LEASE)
            if receipt.status == "done":
                log.info("activity answered again from its receipt", extra={"event": "replay"})
                if context.activity.type == ActivityTypes.invoke:
                    _replay(context, receipt.answer_status, receipt.answer_body)
                return False
            if receipt.lease_until < utc_now() and receipt.applied:
                # The first copy saved its change and died before answering: never apply twice.
                if context.activity.type == ActivityTypes.invoke:
                    _replay(context, None, None)
                return False
            if await self._book.take_over(key, utc_now(), LEASE):
                return True
            if time.monotonic() >= deadline:
                if context.activity.type == ActivityTypes.invoke:
                    _answer_with(context, HTTPStatus.OK, invoke_body(MESSAGE_TYPE, STILL_WORKING))
                return False
            await asyncio.sleep(self._poll)

    async def _purge_now_and_then(self) -> None:
        # Hourly per process is plenty: a receipt is only needed for the seconds Teams retries.
        if time.monotonic() - self._purged_at < 3600:
            return
        self._purged_at = time.monotonic()
        await self._book.purge(utc_now())
