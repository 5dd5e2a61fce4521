"""Log set-up: one line per event, each carrying the request's correlation id."""

from __future__ import annotations

import logging

from bot.correlation import CorrelationFilter


def configure_logging(level: str = "INFO") -> None:
    """Plain, grep-able lines on stderr."""
    handler = logging.StreamHandler()
    handler.addFilter(CorrelationFilter())
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(correlation_id)s] %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # aiohttp's access log repeats every Bot Connector call; keep it for debugging only.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
