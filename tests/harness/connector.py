"""A local Bot Connector service: records what the bot sends and answers member look-ups.

It follows the Bot Framework REST API (v3): POST /v3/conversations/{id}/activities[/{replyTo}]
sends, PUT .../activities/{id} updates, POST /v3/conversations creates a conversation, GET
.../members/{memberId} returns a TeamsChannelAccount.

Like Teams it can refuse: `refuse` answers a conversation's sends with one status for good,
`fail_next` scripts a run of failures (502, 503, 429 with Retry-After, DROP: the connection is
closed unanswered) before it recovers, and `limits` enforces Teams' rate limits with 429 and
Retry-After. Every send or update attempt and its status lands in `attempts`.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any, Literal

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


DROP = -1  # a scripted "status": the connection is closed without an answer


@dataclass
class Limits:
    """Teams' rate limits, enforced independently of the bot's own limiter.

    Per conversation ("per bot per thread") 7 sends per second and 1,800 per hour; per app
    per tenant 50 per second. A refused request does not count. `retry_after` is how the
    Retry-After header is written: whole seconds rounded up (as servers do), the exact
    fraction (fast tests), or an HTTP-date.
    """

    conversation: tuple[tuple[int, float], ...] = ((7, 1.0), (1800, 3600.0))
    tenant: tuple[tuple[int, float], ...] = ((50, 1.0),)
    retry_after: Literal["seconds", "exact", "http-date"] = "exact"
    clock: Callable[[], float] = time.monotonic
    _logs: dict[str, deque[float]] = field(default_factory=dict)

    def _wait(self, key: str, windows, now: float) -> float:
        log = self._logs.setdefault(key, deque())
        longest = max(seconds for _, seconds in windows)
        while log and log[0] <= now - longest:
            log.popleft()
        wait = 0.0
        for limit, seconds in windows:
            inside = [t for t in log if t > now - seconds]
            if len(inside) >= limit:
                wait = max(wait, inside[-limit] + seconds - now)
        return wait

    def check(self, conversation_id: str, tenant_id: str) -> float:
        """0 and the request is counted, or the seconds until it would be allowed."""
        now = self.clock()
        conversation, tenant = f"conversation:{conversation_id}", f"tenant:{tenant_id}"
        wait = max(
            self._wait(conversation, self.conversation, now), self._wait(tenant, self.tenant, now)
        )
        if wait <= 0:
            self._logs[conversation].append(now)
            self._logs[tenant].append(now)
        return wait

    def header(self, wait: float) -> str:
        """The Retry-After value for a wait of `wait` seconds."""
        if self.retry_after == "seconds":
            return str(max(1, math.ceil(wait)))
        if self.retry_after == "http-date":
            # HTTP-dates have whole seconds: round up so the client never comes back too early.
            return formatdate(math.ceil(time.time() + wait) + 1, usegmt=True)
        return f"{wait:.3f}"


@dataclass
class FakeConnector:
    """The recording connector; `members` maps a Teams user id to its TeamsChannelAccount."""

    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    sent: list[Sent] = field(default_factory=list)
    member_lookups: list[str] = field(default_factory=list)
    # conversation id → HTTP status the connector answers sends with (e.g. 403: app blocked)
    refuse: dict[str, int] = field(default_factory=dict)
    # conversation id → statuses its next sends get, in order, before it recovers
    script: dict[str, list[int]] = field(default_factory=dict)
    limits: Limits | None = None
    # Retry-After a scripted 429 carries (seconds)
    scripted_retry_after: float = 0.05
    # Seconds every send, update and create waits before answering (a slow Bot Connector)
    delay: float = 0.0
    # (conversation id, status) of every send and update, refused ones included
    attempts: list[tuple[str, int]] = field(default_factory=list)
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

    def fail_next(self, conversation_id: str, *statuses: int) -> None:
        """Answer the conversation's next sends with `statuses` (DROP: hang up), then recover."""
        self.script.setdefault(conversation_id, []).extend(statuses)

    def _refusal(self, request: web.Request, body: dict[str, Any]) -> web.Response | None:
        """The error this request gets instead of success, if any (recorded in `attempts`)."""
        conversation = request.match_info["conversation_id"].split(";")[0]
        status, headers = self.refuse.get(conversation), {}
        if status is None and self.script.get(conversation):
            status = self.script[conversation].pop(0)
            if status == 429:
                headers["Retry-After"] = f"{self.scripted_retry_after:.3f}"
        if status is None and self.limits is not None:
            tenant = (body.get("conversation") or {}).get("tenantId") or ""
            wait = self.limits.check(conversation, tenant)
            if wait > 0:
                status, headers = 429, {"Retry-After": self.limits.header(wait)}
        self.attempts.append((conversation, 200 if status is None else status))
        self._changed.set()
        if status is None:
            return None
        if status == DROP:
            assert request.transport is not None
            request.transport.close()
            raise ConnectionResetError("the connector hung up")
        error = {"code": "BotDisabledByAdmin" if status == 403 else "Throttled", "message": "no"}
        return web.json_response({"error": error}, status=status, headers=headers)

    async def _send(self, request: web.Request) -> web.Response:
        if self.delay:
            await asyncio.sleep(self.delay)
        body = await request.json()
        refused = self._refusal(request, body)
        if refused is not None:
            return refused
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
        if self.delay:
            await asyncio.sleep(self.delay)
        body = await request.json()
        refused = self._refusal(request, body)
        if refused is not None:
            return refused
        activity_id = request.match_info["activity_id"]
        self._record(Sent("update", request.match_info["conversation_id"], body, activity_id))
        return web.json_response({"id": activity_id})

    async def _create(self, request: web.Request) -> web.Response:
        if self.delay:
            await asyncio.sleep(self.delay)
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
