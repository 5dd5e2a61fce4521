"""POST /api/webhooks/zendesk: Zendesk's ticket events, verified here, applied by a feature.

Only with Zendesk as the profile's system of record and its settings given (else 404). The
body is bounded, and must be signed with the webhook's secret within a few minutes (else 401,
nothing changed). An event only says which ticket to re-read; the feature registered for the
"zendesk" webhook applies it once. A failure answers 503, so Zendesk sends the event again.
"""

from __future__ import annotations

import logging

from aiohttp import web

from bot.keys import BOT, FEATURES, SERVICES
from bot.request_body import MAX_WEBHOOK_BYTES
from bot.router import WebhookHandler
from services.clients.zendesk.webhook_events import NotATicketEvent, parse_ticket_event
from services.clients.zendesk.webhook_signature import BadSignature, verify

log = logging.getLogger(__name__)
PATH = "/api/webhooks/zendesk"


def answer(status: int, text: str) -> web.Response:
    """A webhook's answer: {"status": ...} when taken, {"error": ...} when refused."""
    key = "status" if status < 400 else "error"
    return web.json_response({key: text}, status=status)


async def bounded_body(request: web.Request, most: int) -> bytes | web.Response:
    """The raw body when it says its length and keeps within `most` bytes, else the 413."""
    length = request.content_length
    if length is None or length > most:
        return answer(413, f"the body must say its length, at most {most} bytes")
    raw = await request.read()
    if len(raw) > most:
        return answer(413, f"the body is longer than {most} bytes")
    return raw


async def zendesk_webhook(request: web.Request) -> web.Response:
    """Verify one Zendesk webhook request and hand its ticket event to the feature."""
    services = request.app[SERVICES]
    config = services.settings.zendesk
    handler = handler_for(request.app, "zendesk")
    if config is None or services.profile.system_of_record != "zendesk" or handler is None:
        return answer(404, "Zendesk is not this desk's system of record")
    raw = await bounded_body(request, MAX_WEBHOOK_BYTES)
    if isinstance(raw, web.Response):
        return raw
    try:
        verify(request.headers, raw, config.webhook_secret, services.clock())
    except BadSignature as refusal:
        # The reason is for the log only: a forger learns nothing from the answer.
        log.warning("zendesk webhook refused: %s", refusal, extra={"event": "webhook_refused"})
        return answer(401, "a valid X-Zendesk-Webhook-Signature is required")
    try:
        event = parse_ticket_event(raw)
    except NotATicketEvent as ignored:
        # Signed by our Zendesk but not an event we act on: 200, or Zendesk would retry it.
        return answer(200, f"ignored: {ignored}")
    try:
        outcome = await handler(services, request.app[BOT].notifier, event)
    except Exception:
        log.exception("zendesk event %s for ticket %s failed", event.id, event.ticket_id)
        return answer(503, "the event could not be applied now; send it again")
    return answer(200, outcome)


def handler_for(app: web.Application, system: str) -> WebhookHandler | None:
    """The feature's handler of `system`'s webhook events, if one is registered."""
    found = [hook.handler for f in app[FEATURES] for hook in f.webhooks if hook.system == system]
    return found[0] if found else None
