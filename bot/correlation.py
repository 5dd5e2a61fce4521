"""A correlation id per request, carried into every log line and into apologies to users."""

from __future__ import annotations

import contextvars
import logging
import secrets

from aiohttp import web

correlation_id: contextvars.ContextVar[str] = contextvars.ContextVar("correlation_id", default="-")
HEADER = "X-Correlation-Id"


def new_correlation_id() -> str:
    """Short enough to read out over the phone, long enough not to collide in a day's logs."""
    return secrets.token_hex(6)


@web.middleware
async def correlation_middleware(request: web.Request, handler):
    """Take the caller's correlation id or make one, and echo it on the response."""
    incoming = request.headers.get(HEADER, "")
    value = incoming if incoming.isalnum() and len(incoming) <= 64 else new_correlation_id()
    token = correlation_id.set(value)
    try:
        response = await handler(request)
    finally:
        correlation_id.reset(token)
    response.headers[HEADER] = value
    return response


class CorrelationFilter(logging.Filter):
    """Adds `correlation_id` to every record so formatters can print it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.correlation_id = correlation_id.get()
        return True
