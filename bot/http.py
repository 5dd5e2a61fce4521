"""HTTP endpoints: /api/messages for the Bot Connector; /healthz, /readyz, /metrics for ops."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from botbuilder.core import TurnContext, serializer_helper
from botbuilder.schema import Activity
from msrest.exceptions import DeserializationError
from msrest.serialization import Model

from bot.hubspot_webhook import PATH as HUBSPOT_WEBHOOK_PATH
from bot.hubspot_webhook import hubspot_webhook
from bot.keys import (
    ADAPTER,
    AFTER,
    BOT,
    DATABASE,
    HUBSPOT_CHECK,
    METRICS,
    REPLAYS,
    SETTINGS,
    TENANTS,
    ZENDESK_CHECK,
)
from bot.metrics import CONTENT_TYPE
from bot.observe import observed, scrape
from bot.request_body import BadBody, check_identifiers, parse_activity_json
from bot.turn import AFTER_KEY
from bot.webhooks import PATH as WEBHOOK_PATH
from bot.webhooks import zendesk_webhook
from services.metrics_access import Exposure

log = logging.getLogger(__name__)
TurnLogic = Callable[[TurnContext], Awaitable[None]]


def _problem(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def messages(request: web.Request) -> web.Response:
    """Hand one activity to the adapter; bad requests get 4xx answers, never a stack trace."""
    if request.content_type != "application/json":
        return _problem(415, "Content-Type must be application/json")
    try:
        body = parse_activity_json(await request.read())
        activity = Activity().deserialize(body)
        check_identifiers(activity)
    except BadBody as error:
        return _refused(400, str(error))
    except (DeserializationError, TypeError, ValueError, AttributeError) as error:
        return _refused(400, f"the activity could not be read: {str(error)[:120]}")
    async with observed(request.app[METRICS], activity) as turn:
        response = await _process(request, activity, turn.guard(request.app[BOT].on_turn))
        turn.status = response.status
    return response


def _refused(status: int, message: str) -> web.Response:
    # One line, no traceback: before authentication anyone can send these.
    log.info("request refused: %s", message, extra={"event": "bad_request", "status": status})
    return _problem(status, message)


async def _process(request: web.Request, activity: Activity, logic: TurnLogic) -> web.Response:
    """Run the turn through the adapter and turn what it returns into the HTTP answer.

    The adapter authenticates first; then the tenant gate, then once-per-activity-id, then
    the bot. A refused tenant changes nothing and gets 403.
    """
    gate, replays = request.app[TENANTS], request.app[REPLAYS]
    refused: list[bool] = []
    works: list = []

    async def gated(context: TurnContext) -> None:
        if not gate.allows(context.activity):
            refused.append(True)
            return
        try:
            await replays.once(logic)(context)
        finally:
            works.extend(context.turn_state.get(AFTER_KEY, ()))

    auth_header = request.headers.get("Authorization", "")
    try:
        invoke_response = await request.app[ADAPTER].process_activity(auth_header, activity, gated)
        # Notices and slow card updates start now, so the answer never waits on them.
        request.app[AFTER].start(works)
    except PermissionError:
        return _problem(401, "a valid Bot Framework token is required")
    except web.HTTPServiceUnavailable:
        # No signing keys yet (the key service is down since start-up): try again shortly.
        return _problem(503, "the Bot Framework signing keys are not available yet")
    if refused:
        return _problem(403, "this bot does not serve your organisation's tenant")
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
    """Ready: the database answers and its migrations are applied. Zendesk or HubSpot not
    answering does not make the bot unready (changes wait in the queue), but the detail says so."""
    if await request.app[DATABASE].is_ready():
        answer = {"status": "ready"}
        for name, check in (
            ("zendesk", request.app.get(ZENDESK_CHECK)),
            ("hubspot", request.app.get(HUBSPOT_CHECK)),
        ):
            if check is not None and check.problem:
                answer[name] = check.problem
        return web.json_response(answer)
    return web.json_response({"status": "not ready", "reason": "database"}, status=503)


async def metrics(request: web.Request) -> web.Response:
    """Prometheus scrape: turn counts and durations, and the outbox and SLA alerts right now.

    Only for whom the settings admit (docs/security.md): hidden, it is a 404 like any unknown
    path; guarded, a request without the token gets a bare 401 that says nothing more.
    """
    access = request.app[SETTINGS].metrics_access
    if access.exposure is Exposure.HIDDEN:
        raise web.HTTPNotFound()
    if not access.admits(request.headers.get("Authorization")):
        log.warning("metrics scrape refused", extra={"event": "metrics_refused", "status": 401})
        return web.Response(status=401, headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    text = await scrape(request.app[METRICS], request.app[DATABASE])
    return web.Response(body=text.encode(), headers={"Content-Type": CONTENT_TYPE})


def add_routes(app: web.Application) -> None:
    """Mount the endpoints."""
    app.router.add_post("/api/messages", messages)
    app.router.add_post(WEBHOOK_PATH, zendesk_webhook)
    app.router.add_post(HUBSPOT_WEBHOOK_PATH, hubspot_webhook)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
