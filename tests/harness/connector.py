"""A local Bot Connector service: records what the bot sends and answers member look-ups.

It follows the Bot Framework REST API (v3): POST /v3/conversations/{id}/activities[/{replyTo}]
sends, PUT .../activities/{id} updates, POST /v3/conversations creates a conversation, GET
.../members/{memberId} returns a TeamsChannelAccount.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class Sent:
    """One call the bot made to the connector."""

    op: str  # "send" | "reply" | "update" | "delete" | "create"
    conversation_id: str
    activity: dict[str, Any]
    activity_id: str | None = None  # the id it got, or the id it updated
    reply_to: str | None = None
    authorization: str | None = None  # the bot's own token, as it reached the connector

    @property
    def text(self) -> str | None:
        """The activity's text, if any."""
        return self.activity.get("text")

    @property
    def card(self) -> dict[str, Any] | None:
        """The first Adaptive Card attached, if any."""
        for attachment in self.activity.get("attachments") or []:
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
                return attachment.get("content")
        return None


@dataclass
class FakeConnector:
    """The recording connector; `members` maps a Teams user id to its TeamsChannelAccount."""

    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    sent: list[Sent] = field(default_factory=list)
    member_lookups: list[str] = field(default_factory=list)
    # conversation id → HTTP status the connector answers sends with (e.g. 403: app blocked)
    refuse: dict[str, int] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    server: TestServer | None = None

    @property
    def url(self) -> str:
        """The serviceUrl activities should carry."""
        assert self.server is not None
        return str(self.server.make_url("/"))

    def _record(self, item: Sent) -> None:
        self.sent.append(item)
        self._changed.set()

    async def _send(self, request: web.Request) -> web.Response:
        body = await request.json()
        status = self.refuse.get(request.match_info["conversation_id"].split(";")[0])
        if status:
            return web.json_response(
                {"error": {"code": "BotDisabledByAdmin", "message": "refused"}}, status=status
            )
        activity_id = f"bot-{next(self._ids)}"
        reply_to = request.match_info.get("activity_id")
        self._record(
            Sent(
                "reply" if reply_to else "send",
                request.match_info["conversation_id"],
                body,
                activity_id,
                reply_to,
                request.headers.get("Authorization"),
            )
        )
        return web.json_response({"id": activity_id})

    async def _update(self, request: web.Request) -> web.Response:
        body = await request.json()
        activity_id = request.match_info["activity_id"]
        self._record(Sent("update", request.match_info["conversation_id"], body, activity_id))
        return web.json_response({"id": activity_id})

    async def _create(self, request: web.Request) -> web.Response:
        body = await request.json()
        conversation_id = f"a:created-{next(self._ids)}"
        self._record(Sent("create", conversation_id, body))
        return web.json_response({"id": conversation_id}, status=201)

    async def _member(self, request: web.Request) -> web.Response:
        member_id = request.match_info["member_id"]
        self.member_lookups.append(member_id)
        member = self.members.get(member_id)
        if member is None:
            return web.json_response(
                {"error": {"code": "MemberNotFoundInConversation", "message": "not found"}},
                status=404,
            )
        return web.json_response(member)

    def app(self) -> web.Application:
        """The connector's routes."""
        app = web.Application()
        base = "/v3/conversations/{conversation_id}"
        app.router.add_post("/v3/conversations", self._create)
        app.router.add_post(base + "/activities", self._send)
        app.router.add_post(base + "/activities/{activity_id}", self._send)
        app.router.add_put(base + "/activities/{activity_id}", self._update)
        app.router.add_get(base + "/members/{member_id}", self._member)
        return app

    async def start(self) -> None:
        """Listen on a free loopback port."""
        self.server = TestServer(self.app(), host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        """Stop listening."""
        if self.server is not None:
            await self.server.close()

    def since(self, mark: int) -> list[Sent]:
        """What was sent after `mark` (a previous len(sent))."""
        return self.sent[mark:]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        """Wait until the recorded calls satisfy `predicate` (for background work)."""
        async with asyncio.timeout(timeout):
            while not predicate():
                self._changed.clear()
                await self._changed.wait()
