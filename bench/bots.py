"""The bots under test: Microsoft's stock echo sample and the project's bot (reuse on or off)."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiohttp import web
from aiohttp.web import Request, Response
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.core.integration import aiohttp_error_middleware
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import ChannelAccount

if TYPE_CHECKING:
    from services.settings import Settings


class DefaultConfig:
    """The sample's config.py, with the credentials pinned empty (never read from the env)."""

    PORT = 3978
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):
    """The sample's bots/echo_bot.py, unchanged."""

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ):
        for member in members_added:
            if member.id != turn_context.activity.recipient.id:
                await turn_context.send_activity("Hello and welcome!")

    async def on_message_activity(self, turn_context: TurnContext):
        return await turn_context.send_activity(
            MessageFactory.text(f"Echo: {turn_context.activity.text}")
        )


def echo_app(options: dict[str, Any]) -> web.Application:
    """The sample's app.py: a CloudAdapter over the stock authentication, one aiohttp route."""
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(DefaultConfig()))

    async def on_error(context: TurnContext, error: Exception):
        print(f"\n [on_turn_error] unhandled error: {error}", file=sys.stderr)
        traceback.print_exc()
        await context.send_activity("The bot encountered an error or bug.")

    adapter.on_turn_error = on_error
    bot = EchoBot()

    async def messages(req: Request) -> Response:
        return await adapter.process(req, bot)

    app = web.Application(middlewares=[aiohttp_error_middleware])
    app.router.add_post("/api/messages", messages)
    return app


class _StockAuthentication(ConfigurationBotFrameworkAuthentication):
    """botbuilder's own authentication (a new client per turn), plus the close() bot_ctx calls."""

    async def close(self) -> None:
        """Nothing is kept, so nothing to close."""


def _stock_adapter(settings: Settings) -> tuple[CloudAdapter, _StockAuthentication]:
    from bot.adapter import bot_configuration

    auth = _StockAuthentication(bot_configuration(settings))
    return CloudAdapter(auth), auth


def desk_app(options: dict[str, Any]) -> web.Application:
    """The project's app with its own SQLite file; options["stock_clients"] drops client reuse."""
    # The project is imported here, not at the top, so the echo bot's process stays pure stock.
    from app import create_app
    from services.settings import Settings

    if options.get("stock_clients"):
        import bot.lifecycle

        # No settings flag for this on purpose: production code has one adapter. bot_ctx looks
        # create_adapter up in bot.lifecycle at start-up, so patching it there (in this process
        # only) swaps CachingBotFrameworkAuthentication for the plain one and changes nothing else.
        bot.lifecycle.create_adapter = _stock_adapter
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite+aiosqlite:///{Path(options['db_path'])}",
        app_id="",
        app_password="",
        profile="bestpack",  # whatever SUPPORT_PROFILE says: the users are bestpack's roster
        scheduler_enabled=False,  # a digest sent mid-run would count as a reply to a turn
    )
    return create_app(settings)
