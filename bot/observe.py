"""One log line and the metrics for each activity the Bot Connector posts, and the scrape."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes
from prometheus_client import generate_latest

from bot.metrics import DeskMetrics
from services.db import Database
from services.db.metrics_queries import outbox_by_status, sla_alerts_by_kind
from services.db.receipts import DuplicateActivity
from services.db.types import utc_now
from services.sync.status import sync_stats

log = logging.getLogger("bot.turn")


def turn_kind(activity: Activity) -> str:
    """message, submit (an Action.Submit posted as a message), invoke, or other."""
    if activity.type == ActivityTypes.message:
        value = activity.value
        return (
            "submit"
            if isinstance(value, dict) and isinstance(value.get("verb"), str)
            else "message"
        )
    if activity.type == ActivityTypes.invoke:
        return "invoke"
    return "other"


@dataclass
class ObservedTurn:
    """What the handler learns while the turn runs: the HTTP status, and whether it failed."""

    kind: str
    status: int = 500
    failed: bool = False

    def guard(
        self, logic: Callable[[TurnContext], Awaitable[None]]
    ) -> Callable[[TurnContext], Awaitable[None]]:
        """`logic`, noting a failure before the adapter hands it to on_turn_error (which
        swallows it, so the HTTP answer alone cannot tell)."""

        async def guarded(context: TurnContext) -> None:
            try:
                await logic(context)
            except DuplicateActivity:
                raise  # a Teams retry that lost the race to its first copy: answered, not failed
            except Exception:
                self.failed = True
                raise

        return guarded


@asynccontextmanager
async def observed(metrics: DeskMetrics, activity: Activity) -> AsyncIterator[ObservedTurn]:
    """Time the turn; then count it and log one line (no message text above DEBUG)."""
    turn = ObservedTurn(turn_kind(activity))
    conversation = activity.conversation.conversation_type if activity.conversation else None
    fields = {
        "event": "turn",
        "activity_type": activity.type,
        "activity_name": activity.name,
        "kind": turn.kind,
        "conversation_kind": conversation or "unknown",
        "channel_id": activity.channel_id,
    }
    # The filter in bot.logs drops `text` and `value` from anything above DEBUG.
    log.debug("turn received", extra=fields | {"text": activity.text, "value": activity.value})
    started = time.perf_counter()
    try:
        yield turn
    except BaseException:
        turn.failed = True
        raise
    finally:
        seconds = time.perf_counter() - started
        metrics.observe_turn(turn.kind, seconds, failed=turn.failed)
        outcome = {
            "status": turn.status,
            "failed": turn.failed,
            "duration_ms": round(seconds * 1000, 3),
        }
        level = logging.WARNING if turn.failed else logging.INFO
        log.log(level, "turn handled", extra=fields | outcome)


async def scrape(metrics: DeskMetrics, db: Database) -> str:
    """The exposition text: what was counted here, and the database's counts read now."""
    metrics.stored.outbox = await outbox_by_status(db)
    metrics.stored.alerts = await sla_alerts_by_kind(db)
    metrics.stored.sync = await sync_stats(db)
    metrics.stored.read_at = utc_now()
    return generate_latest(metrics.registry).decode()
