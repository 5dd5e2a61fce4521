"""The playground client: its HTTP session, its websockets' lifecycle, and its REST calls."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

import aiohttp

from .chat import Chat
from .clicks import Clicks
from .model import DEFAULT_URL, SETTLE_SECONDS, Activity, PlaygroundError
from .streams import Streams
from .tenant import Tenant


class Playground(Chat, Clicks, Tenant, Streams):
    """A client of a running playground: says things, clicks card buttons, reads replies.

    Use it as `async with Playground(url) as pg:`. Calls run one at a time: each waits until
    the bot has finished the turn it started, then returns what the chat panes received.
    """

    def __init__(self, base_url: str = DEFAULT_URL, *, timeout: float = 20.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.config: dict[str, Any] = {}
        self._session: aiohttp.ClientSession | None = None
        self._sockets: list[aiohttp.ClientWebSocketResponse] = []
        self._readers: list[asyncio.Task[None]] = []
        self._messages: list[Activity] = []  # chat-pane frames, in arrival order
        self._logs: list[dict[str, Any]] = []  # log-panel entries, in arrival order
        self._changed = asyncio.Condition()

    # --- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> Playground:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def start(self) -> None:
        """Read the mock tenant and subscribe to the chat and log streams."""
        self._session = aiohttp.ClientSession(base_url=self.base_url)
        try:
            self.config = (await self._get_json("/_internal/v1/testConfig"))["config"]
            for path, sink in (
                ("/_ws_conversation/v1/conversations/stream", self._messages),
                ("/_ws/log/stream", self._logs),
            ):
                socket = await self._session.ws_connect(path)
                self._sockets.append(socket)
                self._readers.append(asyncio.create_task(self._read(socket, sink)))
        except BaseException:
            await self.close()
            raise
        # The playground buffers frames while no client listens and flushes them to the next
        # one: drop what an earlier session left behind so it is not mistaken for a reply.
        await asyncio.sleep(SETTLE_SECONDS)
        self._messages.clear()
        self._logs.clear()

    async def close(self) -> None:
        """Stop listening and close the connections."""
        for task in self._readers:
            task.cancel()
        for task in self._readers:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for socket in self._sockets:
            await socket.close()
        if self._session is not None:
            await self._session.close()
        self._readers, self._sockets, self._session = [], [], None

    async def _get_json(self, path: str, **kwargs: Any) -> Any:
        assert self._session is not None, "call start() first"
        async with self._session.get(path, **kwargs) as response:
            return await _json_or_raise(response, path)

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        assert self._session is not None, "call start() first"
        async with self._session.post(path, json=body) as response:
            return await _json_or_raise(response, path)


async def _json_or_raise(response: aiohttp.ClientResponse, path: str) -> Any:
    text = await response.text()
    if response.status >= 400:
        raise PlaygroundError(f"{path}: HTTP {response.status} {text}")
    return json.loads(text) if text else None
