"""What follows a sync change, handed to the feature that queued it: bot/ only dispatches.

A feature registers `on_synced(system, kind)` (bot/router.py); the sync worker of that system
calls these once a change of that kind is stored as sent, or given up as a dead letter. A dead
letter no feature follows up is logged, so an operator finds it in `sync status` and the log.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from aiohttp import web

from bot.keys import BOT, FEATURES, SERVICES
from bot.router import SyncHandler
from services.sync import DeadLetter, SyncChange
from services.sync.worker import OnDead

log = logging.getLogger("bot.sync")


def _handlers(app: web.Application, system: str) -> dict[str, SyncHandler]:
    return {
        hook.kind: hook.handler
        for feature in app[FEATURES]
        for hook in feature.synced
        if hook.system == system
    }


def on_sent(app: web.Application, system: str):
    """The worker's on_sent: each sent change to its feature's follow-up, if it has one."""
    handlers = _handlers(app, system)

    async def follow(changes: Sequence[SyncChange]) -> None:
        for change in changes:
            handler = handlers.get(change.kind)
            if handler is not None:
                await handler(app[SERVICES], app[BOT].notifier, change, None)

    return follow


def on_dead(app: web.Application, system: str, otherwise: OnDead | None = None):
    """The worker's on_dead: the refused change to its feature, which tells whoever made it;
    a kind no feature follows goes to `otherwise` when given."""
    handlers = _handlers(app, system)

    async def follow(dead: DeadLetter) -> None:
        handler = handlers.get(dead.change.kind)
        if handler is None and otherwise is not None:
            await otherwise(dead)
            return
        if handler is None:
            log.warning("sync: nobody follows up %s: %s", dead.change.idempotency_key, dead.reason)
            return
        await handler(app[SERVICES], app[BOT].notifier, dead.change, dead.reason)

    return follow
