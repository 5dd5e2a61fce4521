"""The kept clients' transport honours HTTP_PROXY and NO_PROXY, read once at start-up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web
from aiohttp.test_utils import TestServer
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials

from bot.transport import tune


@asynccontextmanager
async def recorder() -> AsyncIterator[tuple[TestServer, list[str]]]:
    """A loopback server that answers any request as the Bot Connector would, and notes it."""
    seen: list[str] = []

    async def answer(request: web.Request) -> web.Response:
        seen.append(f"{request.method} {request.host}{request.path}")
        return web.json_response({"id": "sent-1"})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield server, seen
    finally:
        await server.close()


async def send(base_url: str) -> str:
    """Send one message through a tuned client, as the adapter's kept clients do."""
    client = tune(ConnectorClient(MicrosoftAppCredentials("", ""), base_url=base_url))
    try:
        response = await client.conversations.send_to_conversation(
            "a:1", Activity(type="message", text="hi")
        )
    finally:
        await client.__aexit__(None, None, None)
    return response.id


async def test_a_send_goes_through_the_proxy_the_environment_names(monkeypatch):
    async with recorder() as (proxy, through_proxy):
        for name in ("HTTP_PROXY", "http_proxy"):
            monkeypatch.setenv(name, str(proxy.make_url("")))
        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        assert await send("http://connector.invalid") == "sent-1"
    assert through_proxy == ["POST connector.invalid/v3/conversations/a:1/activities"]


async def test_no_proxy_hosts_are_reached_directly(monkeypatch):
    async with recorder() as (proxy, through_proxy), recorder() as (connector, direct):
        for name in ("HTTP_PROXY", "http_proxy"):
            monkeypatch.setenv(name, str(proxy.make_url("")))
        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.setenv(name, "127.0.0.1")
        assert await send(str(connector.make_url(""))) == "sent-1"
        port = connector.port
    assert through_proxy == []
    assert direct == [f"POST 127.0.0.1:{port}/v3/conversations/a:1/activities"]
