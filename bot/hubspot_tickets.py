"""HubSpot tickets as app resources: the start-up account check and the sync worker, only when
the profile keeps its tickets in HubSpot (system_of_record = "hubspot") and its token is set.

The check stops start-up when HubSpot refuses the setup (a pipeline, stage or property it
lacks, a token it refuses); when HubSpot does not answer the bot starts anyway, /readyz says
so, and the check runs again until HubSpot answers. The worker sends the queued ticket changes
(HubSpot's 429s pause it, its outages back it off: nothing is lost), and the messages to
customers queued on them (sent on the ticket's conversation); one HubSpot refuses is told to
whoever made it, or for a message, handed to the ticket's owner to send.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from aiohttp import web

from bot.keys import BOT, HUBSPOT_CHECK, HUBSPOT_SYNC_WORKER, SERVICES, SETTINGS
from bot.sync_follow_ups import on_dead, on_sent
from bot.sync_workers import running_worker
from bot.zendesk import refusal_notice
from services.customer_messages.hubspot import HubSpotConversations
from services.sync.hubspot import SYSTEM
from services.sync.hubspot.account_check import AccountCheck
from services.sync.hubspot.links import HubSpotLinks
from services.sync.hubspot.messages import MessageSender
from services.sync.hubspot.sender import HubSpotSender

log = logging.getLogger("bot.hubspot")
RECHECK_SECONDS = 60.0


async def hubspot_tickets_ctx(app: web.Application) -> AsyncIterator[None]:
    """Check the account, then carry queued ticket changes to HubSpot, in order per ticket."""
    services = app[SERVICES]
    client = services.hubspot
    if client is None or services.profile.system_of_record != SYSTEM:
        yield
        return
    check = AccountCheck(client, services.profile)
    app[HUBSPOT_CHECK] = check
    again = None if await check.run() else asyncio.create_task(_until_answered(check))
    settings = app[SETTINGS].sync
    sender = HubSpotSender(
        client,
        services.tickets,
        services.profile,
        HubSpotLinks(services.db),
        _messages(app),
    )
    # A refused message to a customer goes to its feature (its owner is handed the text); any
    # other refusal is told to whoever made the change.
    async with running_worker(
        app,
        HUBSPOT_SYNC_WORKER,
        sender,
        settings,
        on_dead=on_dead(app, SYSTEM, otherwise=refusal_notice(app[BOT].notifier, SYSTEM)),
        on_sent=on_sent(app, SYSTEM),
    ):
        yield
    if again is not None:
        again.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await again


def _messages(app: web.Application) -> MessageSender | None:
    """What sends queued customer messages, when HUBSPOT_SENDER_ACTOR_ID names who sends them."""
    services, actor = app[SERVICES], app[SETTINGS].hubspot_sender_actor_id.strip()
    if not actor or services.hubspot is None:
        return None
    conversations = HubSpotConversations(services.hubspot, actor)
    clock = lambda: services.clock()  # noqa: E731 - read each time: tests replace services.clock
    return MessageSender(services.hubspot, conversations, services.tickets, clock)


async def _until_answered(check: AccountCheck) -> None:
    while True:
        await asyncio.sleep(RECHECK_SECONDS)
        try:
            if await check.run():
                return
        except Exception:
            # Started already: the log and /readyz say what HubSpot refuses.
            log.exception("hubspot: the account check failed once HubSpot answered")
            return
