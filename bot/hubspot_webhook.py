"""POST /api/webhooks/hubspot: HubSpot's ticket events, verified here, applied by a feature.

Only with HubSpot as the profile's system of record and its settings given (else 404). The
body is bounded and must carry HubSpot's v3 signature, made with the app's client secret
(HUBSPOT_CLIENT_SECRET) over the method, the URI HubSpot posted to, the body and a timestamp
under five minutes old (else 401, nothing changed). The events only say which tickets to
re-read; the feature registered for the "hubspot" webhook applies them, each once. A failure
answers 503: HubSpot sends the batch again (it retries 5xx answers and timeouts, not 4xx).
"""

from __future__ import annotations

import logging

from aiohttp import web

from bot.keys import BOT, SERVICES
from bot.request_body import MAX_HUBSPOT_WEBHOOK_BYTES
from bot.webhooks import answer, bounded_body, handler_for
from services.clients.hubspot.webhook_events import NotTicketEvents, parse_ticket_events
from services.clients.hubspot.webhook_signature import BadSignature, verify

log = logging.getLogger(__name__)
PATH = "/api/webhooks/hubspot"


def public_uri(request: web.Request) -> str:
    """The URI HubSpot posted to, as its sender saw it: behind the TLS proxy the bot is meant
    to run behind (docs/deployment.md), the scheme and host the proxy forwards."""
    scheme = _first(request.headers.get("X-Forwarded-Proto")) or request.scheme
    host = _first(request.headers.get("X-Forwarded-Host")) or request.host
    return f"{scheme}://{host}{request.raw_path}"


async def hubspot_webhook(request: web.Request) -> web.Response:
    """Verify one HubSpot webhook request and hand its ticket events to the feature."""
    services = request.app[SERVICES]
    config = services.settings.hubspot
    handler = handler_for(request.app, "hubspot")
    on = services.profile.system_of_record == "hubspot" and handler is not None
    if config is None or not config.client_secret or not on:
        return answer(404, "HubSpot is not this desk's system of record")
    raw = await bounded_body(request, MAX_HUBSPOT_WEBHOOK_BYTES)
    if isinstance(raw, web.Response):
        return raw
    uri, now = public_uri(request), services.clock()
    try:
        verify(request.headers, request.method, uri, raw, config.client_secret, now)
    except BadSignature as refusal:
        # The reason is for the log only: a forger learns nothing from the answer.
        log.warning("hubspot webhook refused: %s", refusal, extra={"event": "webhook_refused"})
        return answer(401, "a valid X-HubSpot-Signature-v3 is required")
    try:
        events = parse_ticket_events(raw)
    except NotTicketEvents as ignored:
        # Signed by our app but nothing to act on: 200, or HubSpot would send it again.
        return answer(200, f"ignored: {ignored}")
    if not events:
        return answer(200, "ignored: no ticket events")
    try:
        outcome = await handler(services, request.app[BOT].notifier, events)
    except Exception:
        tickets = sorted({event.ticket_id for event in events})
        log.exception("hubspot events for tickets %s failed", ", ".join(tickets))
        return answer(503, "the events could not be applied now; send them again")
    return answer(200, outcome)


def _first(value: str | None) -> str:
    """The first of a forwarded header's comma-separated values (the one the client used)."""
    return (value or "").split(",")[0].strip()
