"""One send of an outbox message to the Bot Connector, recorded as sent the moment Teams answers.

The record runs inside the connector callback, before the adapter's pipeline unwinds and before
the sender's pacing and metrics, and nothing in a live process can lose it: once answered the
send timeout is off, a cancelled task (the worker stopping, a turn ending) finishes the record
before it goes, and a failed write is tried again while the sender's claim lasts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import aiohttp
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ConversationReference
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.proactive import http_status, retry_after, stored_activity
from services.db.outbox import OutboxMessage, OutboxRepository

log = logging.getLogger(__name__)
# No answer at all: the request may never have reached Teams, so it is worth another try.
NO_ANSWER = (ClientRequestError, aiohttp.ClientError, OSError, TimeoutError)
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """What one send came to: an activity id, or an HTTP status (None: no answer) and why."""

    activity_id: str | None = None
    failed: bool = False
    status: int | None = None
    error: str = ""
    retry_after: float | None = None
    hopeless: bool = False  # failed in a way no retry can change (a bug, a bad payload)


async def to_the_end(work: Awaitable[T]) -> T:
    """Await `work`; if this task is cancelled meanwhile, let `work` finish first, then stop."""
    task = asyncio.ensure_future(work)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.wait({task})
        raise


async def record_sent(
    outbox: OutboxRepository,
    message: OutboxMessage,
    activity_id: str | None,
    clock: Callable[[], datetime],
) -> None:
    """Mark a delivered message sent, trying again while its claim lasts (then it is resent)."""
    pause = 0.05
    while True:
        try:
            await outbox.mark_sent(message.id, activity_id)
            return
        except Exception:
            until = message.claimed_until or clock()
            if (until - clock()).total_seconds() <= pause:
                log.exception("outbox message %s was delivered but not recorded", message.id)
                return
            log.warning("recording outbox message %s as sent failed; again", message.id)
            await asyncio.sleep(pause)
            pause = min(2 * pause, 2.0)


async def post(
    adapter: CloudAdapter,
    app_id: str,
    reference: ConversationReference,
    payload: dict[str, Any],
    timeout: float,
    record: Callable[[str | None], Awaitable[None]],
    clock: Callable[[], datetime],
) -> Outcome:
    """Send the stored activity within `timeout` s; once Teams gives it an id, `record` that
    before anything else."""
    outcomes: list[Outcome] = []

    async def callback(context: TurnContext) -> None:
        # Caught here: the adapter would hand an escaping error to on_turn_error and
        # swallow it, and the outbox would never learn the send failed.
        try:
            sent = await context.send_activity(stored_activity(payload))
        except HttpOperationError as error:
            wait = retry_after(error, clock())
            outcomes.append(Outcome(None, True, http_status(error), str(error), wait))
            return
        except NO_ANSWER as error:
            outcomes.append(Outcome(failed=True, error=f"{type(error).__name__}: {error}"))
            return
        except Exception as error:
            log.exception("sending an outbox message failed")
            outcomes.append(Outcome(failed=True, error=repr(error), hopeless=True))
            return
        if not deadline.expired():
            deadline.reschedule(None)  # delivered: no timeout may turn that into a failure
        outcomes.append(Outcome(activity_id=sent.id if sent else None))
        await to_the_end(record(outcomes[0].activity_id))

    try:
        async with asyncio.timeout(timeout) as deadline:
            await adapter.continue_conversation(reference, callback, app_id)
    except TimeoutError:
        if not outcomes:
            return Outcome(failed=True, error=f"no answer within {timeout:g} s")
    except NO_ANSWER as error:  # e.g. the bot's own token could not be fetched
        if not outcomes:
            return Outcome(failed=True, error=f"{type(error).__name__}: {error}")
    return outcomes[0] if outcomes else Outcome(failed=True, error="the send never ran")
