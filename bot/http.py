"""HTTP endpoints: /api/messages for the Bot Connector; /healthz, /readyz, /metrics for ops."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from botbuilder.core import TurnContext, serializer_helper
from botbuilder.schema import Activity
from msrest.exceptions import DeserializationError
from msrest.serialization import Model

from bot.keys import ADAPTER, BOT, DATABASE, METRICS
from bot.metrics import CONTENT_TYPE
from bot.observe import observed, scrape

log = logging.getLogger(__name__)
TurnLogic = Callable[[TurnContext], Awaitable[None]]


def _problem(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def messages(request: web.Request) -> web.Response:
    """Hand one activity to the adapter; bad requests get 4xx answers, never a stack trace."""
    if request.content_type != "application/json":
        return _problem(415, "Content-Type must be application/json")
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _problem(400, "the body is not valid JSON")
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        return _problem(400, "the body is not a Bot Framework activity (no 'type')")
    try:
        activity = Activity().deserialize(body)
    except DeserializationError as error:
        return _problem(400, f"the activity could not be read: {error}")
    async with observed(request.app[METRICS], activity) as turn:
        response = await _process(request, activity, turn.guard(request.app[BOT].on_turn))
        turn.status = response.status
    return response


async def _process(request: web.Request, activity: Activity, logic: TurnLogic) -> web.Response:
    """Run the turn through the adapter and turn what it returns into the HTTP answer."""
    auth_header = request.headers.get("Authorization", "")
    try:
        invoke_response = await request.app[ADAPTER].process_activity(auth_header, activity, logic)
    except PermissionError:
        return _problem(401, "a valid Bot Framework token is required")
    if invoke_response:
        body = invoke_response.body
        # ActivityHandler has already serialized its invoke bodies to dicts; others may not have.
        if isinstance(body, Model):
            body = serializer_helper(body)
        return web.json_response(body, status=invoke_response.status)
    return web.Response(status=201)


async def healthz(request: web.Request) -> web.Response:
    """Alive: the process answers."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    """Ready: the database answers and its migrations are applied."""
    if await request.app[DATABASE].is_ready():
        return web.json_response({"status": "ready"})
    return web.json_response({"status": "not ready", "reason": "database"}, status=503)


async def metrics(request: web.Request) -> web.Response:
    """Prometheus scrape: turn counts and durations, and the outbox and SLA alerts right now."""
    text = await scrape(request.app[METRICS], request.app[DATABASE])
    return web.Response(body=text.encode(), headers={"Content-Type": CONTENT_TYPE})


def add_routes(app: web.Application) -> None:
    """Mount the endpoints."""
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
