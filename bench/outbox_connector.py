"""The rate-limited connector bench/outbox.py sends to, served in its own process.

It is the test harness's FakeConnector (tests/harness/connector.py) with Teams' limits on, plus
two routes for the bench: what reached it for the conversations under a prefix, and a wait
until every text expected there has arrived. Run apart from the senders, the connector's own
work never queues on their event loop, so the senders are measured, not the connector.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from tests.harness.connector import FakeConnector, Limits


def outcome(connector: FakeConnector, prefix: str) -> dict[str, Any]:
    """The texts sent (repeats included) and the 429s answered under `prefix`."""
    texts = [s.text for s in connector.sent if s.conversation_id.startswith(prefix)]
    throttled = sum(1 for c, status in connector.attempts if c.startswith(prefix) and status == 429)
    return {"texts": texts, "throttled": throttled}


class Arrivals:
    """Texts still expected under a prefix, crossed off as sends arrive (each looked at once)."""

    def __init__(self, connector: FakeConnector, prefix: str, wanted: set[str]) -> None:
        self._connector, self._prefix, self._missing, self._seen = connector, prefix, wanted, 0

    def all_in(self) -> bool:
        """True once every expected text has reached a conversation under the prefix."""
        sent = self._connector.sent
        for item in sent[self._seen :]:
            if item.conversation_id.startswith(self._prefix):
                self._missing.discard(item.text)
        self._seen = len(sent)
        return not self._missing


def connector_app(options: dict[str, Any]) -> web.Application:
    """The limited connector; options["retry_after"] is how it writes Retry-After."""
    connector = FakeConnector(limits=Limits(retry_after=options.get("retry_after", "seconds")))

    async def read(request: web.Request) -> web.Response:
        return web.json_response(outcome(connector, request.query["prefix"]))

    async def wait(request: web.Request) -> web.Response:
        # Answers when the last expected text has arrived, so the sender's clock stops then.
        body = await request.json()
        arrivals = Arrivals(connector, body["prefix"], set(body["texts"]))
        try:
            await connector.wait_for(arrivals.all_in, body["timeout"])
        except TimeoutError:
            return web.json_response({"arrived": False}, status=504)
        return web.json_response({"arrived": True})

    app = connector.app()
    app.router.add_get("/bench/outcome", read)
    app.router.add_post("/bench/wait", wait)
    return app
