"""Entry point: wires settings, resources and routes into an aiohttp application."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from aiohttp import web
from pydantic import ValidationError

from bot.correlation import correlation_middleware
from bot.harvest import harvest_sync_ctx
from bot.http import add_routes
from bot.hubspot_tickets import hubspot_tickets_ctx
from bot.keys import FEATURES, SETTINGS
from bot.lifecycle import bot_ctx, database_ctx, http_client_ctx, profile_ctx
from bot.logs import configure_logging
from bot.metrics import metrics_ctx
from bot.netsuite import netsuite_sync_ctx
from bot.router import Feature
from bot.scheduling import scheduler_ctx
from bot.zendesk import sync_ctx, zendesk_check_ctx
from dialogs import desk_features
from services.ports import check_systems
from services.profile import ProfileError, load_profile
from services.settings import Settings


def create_app(settings: Settings, *, features: Iterable[Feature] | None = None) -> web.Application:
    """The bot as an aiohttp application; resources open in cleanup contexts, in order."""
    app = web.Application(middlewares=[correlation_middleware])
    app[SETTINGS] = settings
    app[FEATURES] = list(features) if features is not None else desk_features()
    app.cleanup_ctx.append(metrics_ctx)
    app.cleanup_ctx.append(profile_ctx)
    app.cleanup_ctx.append(database_ctx)
    app.cleanup_ctx.append(http_client_ctx)
    app.cleanup_ctx.append(bot_ctx)
    app.cleanup_ctx.append(zendesk_check_ctx)  # only when Zendesk is the system of record
    app.cleanup_ctx.append(sync_ctx)
    app.cleanup_ctx.append(hubspot_tickets_ctx)  # only when HubSpot is the system of record
    app.cleanup_ctx.append(netsuite_sync_ctx)  # only when NetSuite keeps the service projects
    app.cleanup_ctx.append(harvest_sync_ctx)  # only when Harvest is configured (HARVEST_*)
    app.cleanup_ctx.append(scheduler_ctx)
    add_routes(app)
    return app


def main() -> None:
    """Run the bot on the configured port (loopback only while authentication is off)."""
    try:
        settings = Settings()
    except ValidationError as error:
        sys.exit(f"Cannot start: the settings are wrong:\n{error}")
    configure_logging(
        settings.log_level,
        settings.log_format,
        secrets=[settings.app_password, settings.metrics_token.strip()],
    )
    try:
        # Fail before binding the port, with the profile's words.
        check_systems(settings, load_profile(settings.profile))
    except (ProfileError, ValueError) as error:
        sys.exit(f"Cannot start: {error}")
    web.run_app(create_app(settings), host=settings.listen_host, port=settings.port)


if __name__ == "__main__":
    main()
