"""Zendesk as app resources: the start-up account check and the sync worker, only when it is on.

The check stops start-up when Zendesk refuses the setup (a field id it lacks, a non-admin API
user); when Zendesk does not answer the bot starts anyway, /readyz says so, and the check runs
again until Zendesk answers. The worker sends the queued ticket changes; one it has to give up
on is told to whoever made it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from aiohttp import web
from botbuilder.core import MessageFactory

from bot.keys import BOT, SERVICES, SETTINGS, SYNC_WORKER, ZENDESK_CHECK
from bot.notifier import Notifier
from bot.sync_workers import running_worker
from services.delivery import Recipient
from services.knowledge.remote import RemoteCopies
from services.sync import DeadLetter
from services.sync.articles import PUBLISH
from services.sync.status import system_name
from services.sync.zendesk import SYSTEM, ZendeskSender
from services.sync.zendesk.account_check import AccountCheck
from services.sync.zendesk.articles import ArticlePublisher
from services.sync.zendesk.links import ZendeskLinks
from services.tickets.model import SYSTEM_ACTOR

if TYPE_CHECKING:
    from services.app_services import AppServices

log = logging.getLogger("bot.zendesk")
RECHECK_SECONDS = 60.0


async def zendesk_check_ctx(app: web.Application) -> AsyncIterator[None]:
    """Check the Zendesk account at start-up; while it does not answer, again every minute."""
    services = app[SERVICES]
    if services.zendesk is None:
        yield
        return
    check = AccountCheck(services.zendesk, services.profile)
    app[ZENDESK_CHECK] = check
    again = None if await check.run() else asyncio.create_task(_until_answered(check))
    yield
    if again is not None:
        again.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await again


async def _until_answered(check: AccountCheck) -> None:
    while True:
        await asyncio.sleep(RECHECK_SECONDS)
        try:
            if await check.run():
                return
        except Exception:
            # Started already: the log and /readyz say what Zendesk refuses.
            log.exception("zendesk: the account check failed once Zendesk answered")
            return


async def sync_ctx(app: web.Application) -> AsyncIterator[None]:
    """The worker that carries queued ticket changes to Zendesk, in order per ticket."""
    services = app[SERVICES]
    if services.zendesk is None:
        yield
        return
    settings = app[SETTINGS].sync
    sender = ZendeskSender(
        services.zendesk,
        services.tickets,
        services.profile,
        ZendeskLinks(services.db),
        clock=lambda: services.clock(),
        articles=_publisher(services),
    )
    async with running_worker(
        app,
        SYNC_WORKER,
        sender,
        settings,
        on_dead=refusal_notice(app[BOT].notifier),
    ):
        yield


def _publisher(services: AppServices) -> ArticlePublisher | None:
    """Published knowledge articles to the profile's Help Center section, if it names one."""
    where = services.profile.zendesk.help_center if services.profile.zendesk else None
    if services.zendesk is None or where is None:
        return None
    copies = RemoteCopies(services.db, services.profile)
    return ArticlePublisher(services.zendesk, where, services.knowledge, copies)


def refusal_notice(notifier: Notifier, system: str = SYSTEM):
    """on_dead: tell the person whose change the system (Zendesk unless named) refused, in
    their chat with the bot."""

    async def tell(dead: DeadLetter) -> None:
        change = dead.change
        actor = change.actor_id
        what = {"create": "filing of", PUBLISH: "publishing of"}.get(change.kind, "update to")
        text = f"{system_name(system)} refused the {what} {change.record_key}: {dead.reason}"
        if not actor or actor == SYSTEM_ACTOR:
            log.warning("sync: nobody to tell: %s", text)
            return
        message = MessageFactory.text(text)
        await notifier.tell(Recipient.person(actor), message, f"sync-dead:{change.idempotency_key}")

    return tell
