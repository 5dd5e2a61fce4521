"""Once per activity id: Teams re-sends a slow activity, and the copy gets the first answer.

Wraps the turn logic, so it runs after authentication and the tenant check: a forged copy
without a valid token can never claim an activity id first. The claim itself is written with
the turn's first change (services/db/receipts.py), so a turn that changes nothing pays one read.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.invoke import MESSAGE_TYPE, invoke_body
from services.db.receipts import Claim, DuplicateActivity, ReceiptBook, current_receipt, receipt_key
from services.db.types import utc_now

log = logging.getLogger(__name__)
TurnLogic = Callable[[TurnContext], Awaitable[None]]
STILL_WORKING = "I'm still working on that; the card updates when it is done."
ALREADY_DONE = "That was already done. Refresh the card to see where it stands now."
_ONCE_TYPES = (ActivityTypes.message, ActivityTypes.invoke)


def _key(activity: Activity) -> str | None:
    if activity.type not in _ONCE_TYPES or not activity.id or activity.conversation is None:
        return None
    return receipt_key(activity.channel_id or "", activity.conversation.id or "", activity.id)


def _answered_before(activity: Activity) -> bool:
    """Whether a copy must look for a stored answer before running: card actions only.

    A typed command's copy runs again: if it changes anything, its first write finds the
    receipt and rolls back (DuplicateActivity); if it only reads, answering it twice is harmless,
    and a plain message then costs no database work at all.
    """
    return activity.type == ActivityTypes.invoke or isinstance(activity.value, dict)


def _invoke_answer(context: TurnContext) -> InvokeResponse | None:
    held = context.turn_state.get(TurnContext._INVOKE_RESPONSE_KEY)
    return held.value if held is not None else None


def _answer_with(context: TurnContext, status: int, body: object) -> None:
    if context.activity.type != ActivityTypes.invoke:
        return  # a message's first copy has replied already; a copy says nothing
    answer = InvokeResponse(status=status, body=body)
    context.turn_state[TurnContext._INVOKE_RESPONSE_KEY] = Activity(
        type=ActivityTypes.invoke_response, value=answer
    )


class Replays:
    """Applies each activity once and replays the stored answer to its copies."""

    def __init__(self, book: ReceiptBook, *, wait: float = 8.0, poll: float = 0.05) -> None:
        self._book = book
        self._wait = wait  # under Teams' own give-up time, so the copy is still listening
        self._poll = poll
        self._purged_at = 0.0

    def once(self, logic: TurnLogic) -> TurnLogic:
        """`logic`, its changes applied by only one copy of each activity."""

        async def guarded(context: TurnContext) -> None:
            key = _key(context.activity)
            if key is None:
                await logic(context)
                return
            await self._purge_now_and_then()
            if _answered_before(context.activity) and await self._book.get(key) is not None:
                await self._answer_copy(key, context)
                return
            await self._run(key, logic, context)

        return guarded

    async def _run(self, key: str, logic: TurnLogic, context: TurnContext) -> None:
        claim = Claim(key)
        token = current_receipt.set(claim)
        try:
            await logic(context)
        except DuplicateActivity:
            # Another copy changed things first; this copy's change rolled back.
            context.turn_state.pop(TurnContext._INVOKE_RESPONSE_KEY, None)
            await self._answer_copy(key, context)
            return
        except BaseException:
            if claim.tried:
                await self._book.finish(claim, None, None)  # kept only if its change was
            raise
        finally:
            current_receipt.reset(token)
        if not claim.tried:
            return  # changed nothing: nothing to protect from a retry
        answer = _invoke_answer(context)
        if answer is None:
            await self._book.finish(claim, HTTPStatus.CREATED, None)
        else:
            await self._book.finish(claim, int(answer.status), answer.body)

    async def _answer_copy(self, key: str, context: TurnContext) -> None:
        """Give a copy the first one's answer once it is stored, or say how things stand."""
        deadline = time.monotonic() + self._wait
        while True:
            receipt = await self._book.get(key)
            if receipt is not None and receipt.status == "done":
                log.info("activity answered again from its receipt", extra={"event": "replay"})
                if receipt.answer_body is None or receipt.answer_status is None:
                    _answer_with(context, HTTPStatus.OK, invoke_body(MESSAGE_TYPE, ALREADY_DONE))
                else:
                    _answer_with(context, receipt.answer_status, receipt.answer_body)
                return
            if receipt is not None and receipt.lease_until < utc_now():
                # The first copy made its change and died before answering: never apply twice.
                _answer_with(context, HTTPStatus.OK, invoke_body(MESSAGE_TYPE, ALREADY_DONE))
                return
            if time.monotonic() >= deadline:
                _answer_with(context, HTTPStatus.OK, invoke_body(MESSAGE_TYPE, STILL_WORKING))
                return
            await asyncio.sleep(self._poll)

    async def _purge_now_and_then(self) -> None:
        # Hourly per process is plenty: a receipt is only needed for the seconds Teams retries.
        if time.monotonic() - self._purged_at < 3600:
            return
        self._purged_at = time.monotonic()
        await self._book.purge(utc_now())
