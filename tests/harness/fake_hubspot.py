"""A local HubSpot for tests: CRM v3 objects and search, associations v4, owners, pipelines and
account info, tickets and notes (fake_hubspot_tickets), the conversations inbox's threads
(fake_hubspot_threads), checked and limited like HubSpot.

Written from HubSpot's developer documentation (developers.hubspot.com: CRM search, objects,
associations v4, owners, pipelines, account info, API usage guidelines and error handling, as
read in 2026) and the OpenAPI documents HubSpot publishes (read, not copied), not from the
client. Every request must carry `Authorization: Bearer <token>` of the account (else 401
INVALID_AUTHENTICATION, as HubSpot words it); search bodies are checked by fake_hubspot_search.

Rate limits, as HubSpot applies them: the search endpoints allow `search_per_second` requests
a `search_window` and are exempt from the burst limit; everything else shares `ten_secondly`
requests a `burst_window` (rolling). Over either: 429 with HubSpot's body ({"status": "error",
"errorType": "RATE_LIMIT", "policyName": ...}) and no Retry-After, like the answers HubSpot
was recorded sending; burst answers carry the X-HubSpot-RateLimit-* headers. Benches and
tests shrink the windows to run fast.

Knobs: `latency` delays every answer; `down` answers 503 to everything; `storm(n, ...)` answers
the next n requests 429 (with Retry-After unless told otherwise); `lose_answers(n)` carries out
the next n requests that succeed (to one path, if given) but answers them 504, as if the
answer was lost on the way.
Every request lands in `requests` with the status it got.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.harness.fake_hubspot_routes import ROUTES
from tests.harness.fake_hubspot_store import HubSpotStore, Refusal
from tests.harness.fake_hubspot_threads import THREAD_ROUTES, ConversationStore
from tests.harness.fake_hubspot_tickets import TICKET_ROUTES

API_TOKEN = "pat-na1-0d8b7c2e-4f1a-4b6e-9c3d-5e7f8a9b0c1d"
UNAUTHENTICATED = (
    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you "
    "can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"
)
LIMIT_WORDS = {
    "SECONDLY": "secondly",
    "TEN_SECONDLY_ROLLING": "ten_secondly_rolling",
    "DAILY": "daily",
}


@dataclass
class Request:
    """One request the fake received."""

    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    authorization: str | None
    status: int | None = None


@dataclass
class FakeHubSpot:
    """The server, its data (`store`), its limits and knobs, and what it was asked."""

    token: str = API_TOKEN
    latency: float = 0.0
    down: bool = False
    search_per_second: int = 4  # HubSpot's search limit per token (its 2026 guide: 5/account)
    search_window: float = 1.0
    ten_secondly: int = 100  # the burst limit of a Free or Starter account
    burst_window: float = 10.0
    daily: int = 250_000
    store: HubSpotStore = field(default_factory=HubSpotStore)
    conversations: ConversationStore = field(default_factory=ConversationStore)
    requests: list[Request] = field(default_factory=list)
    server: TestServer | None = None
    _storm: deque[tuple[str, float | None]] = field(default_factory=deque)
    _lose: list[tuple[str | None, str | None]] = field(default_factory=list)
    _seen: dict[str, deque[float]] = field(
        default_factory=lambda: {"search": deque(), "crm": deque()}
    )

    @property
    def url(self) -> str:
        """HUBSPOT_URL for the client."""
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/")

    def storm(
        self, count: int, retry_after: float | None = 0.05, policy: str = "TEN_SECONDLY_ROLLING"
    ) -> None:
        """The next `count` requests are refused 429 for `policy`, with Retry-After if given."""
        self._storm.extend([(policy, retry_after)] * count)

    def lose_answers(self, count: int, path: str | None = None, method: str | None = None) -> None:
        """The next `count` requests that succeed (to `path`, by `method`) are done, then
        answered 504."""
        self._lose.extend([(path, method)] * count)

    def calls(self, method: str, path: str) -> list[Request]:
        """The requests made to one endpoint."""
        return [r for r in self.requests if r.method == method and r.path == path]

    def answered(self, status: int) -> list[Request]:
        """The requests that got `status`."""
        return [r for r in self.requests if r.status == status]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Answer one request as HubSpot would."""
        raw = await request.read()
        query: dict[str, list[str]] = {}
        for name, value in request.query.items():
            query.setdefault(name, []).append(value)
        try:
            body = await request.json() if raw else None
        except ValueError:
            body = ValueError
        authorization = request.headers.get("Authorization")
        seen = Request(request.method, request.path, query, body, authorization)
        self.requests.append(seen)
        await asyncio.sleep(self.latency)
        lane = "search" if request.path.endswith("/search") else "crm"
        try:
            status, answer, headers = self._answer(request, seen, lane)
        except Refusal as refusal:
            status, answer, headers = refusal.status, refusal.body, {}
        if self._lose and status < 300 and _lost(self._lose[0], request):
            self._lose.pop(0)
            lost = Refusal(504, "GATEWAY_TIMEOUT", "Gateway Timeout")
            status, answer, headers = lost.status, lost.body, {}
        seen.status = status
        return web.json_response(answer, status=status, headers=headers | self._usage(lane))

    def _answer(self, request: web.Request, seen: Request, lane: str):
        if self.down:
            raise Refusal(503, "SERVICE_UNAVAILABLE", "Service Unavailable")
        if seen.authorization != f"Bearer {self.token}":
            raise Refusal(401, "INVALID_AUTHENTICATION", UNAUTHENTICATED)
        if self._storm:
            policy, retry_after = self._storm.popleft()
            headers = {} if retry_after is None else {"Retry-After": f"{retry_after:g}"}
            if policy == "TEN_SECONDLY_ROLLING":
                headers |= self._burst_headers(0)
            return 429, _limited(policy), headers
        if (refused := self._over(lane)) is not None:
            return refused
        not_json = seen.body is ValueError or request.content_type != "application/json"
        if request.method in {"POST", "PATCH"} and not_json:
            raise Refusal(400, "VALIDATION_ERROR", "Invalid input JSON: the body must be JSON")
        routes = ((ROUTES, self.store), (TICKET_ROUTES, self.store))
        for table, data in (*routes, (THREAD_ROUTES, self.conversations)):
            for method, pattern, handler in table:
                match = pattern.fullmatch(seen.path)
                if match and method == request.method:
                    status, answer = handler(data, seen.query, seen.body, *match.groups())
                    return status, answer, {}
        raise Refusal(404, "OBJECT_NOT_FOUND", f"Unable to route {seen.method} {seen.path}")

    def _over(self, lane: str) -> tuple[int, dict[str, Any], dict[str, str]] | None:
        """429 when this request would pass the lane's limit; else it is counted."""
        limit, window = (
            (self.search_per_second, self.search_window) if lane == "search"
            else (self.ten_secondly, self.burst_window)
        )  # fmt: skip
        seen, now = self._seen[lane], time.monotonic()
        while seen and seen[0] <= now - window:
            seen.popleft()
        if len(seen) >= limit:
            if lane == "search":
                return 429, _limited("SECONDLY"), {}
            return 429, _limited("TEN_SECONDLY_ROLLING"), self._burst_headers(0)
        seen.append(now)
        return None

    def _burst_headers(self, remaining: int) -> dict[str, str]:
        return {
            "X-HubSpot-RateLimit-Interval-Milliseconds": str(int(self.burst_window * 1000)),
            "X-HubSpot-RateLimit-Max": str(self.ten_secondly),
            "X-HubSpot-RateLimit-Remaining": str(remaining),
        }

    def _usage(self, lane: str) -> dict[str, str]:
        used = len(self.requests)
        headers = {
            "X-HubSpot-RateLimit-Daily": str(self.daily),
            "X-HubSpot-RateLimit-Daily-Remaining": str(max(0, self.daily - used)),
        }
        if lane == "crm":
            headers |= self._burst_headers(max(0, self.ten_secondly - len(self._seen["crm"])))
        return headers

    async def start(self) -> None:
        """Listen on a free loopback port."""
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        """Stop listening."""
        if self.server is not None:
            await self.server.close()


def _lost(which: tuple[str | None, str | None], request: web.Request) -> bool:
    path, method = which
    return path in (None, request.path) and method in (None, request.method)


def _limited(policy: str) -> dict[str, Any]:
    """HubSpot's 429 body for one of its limits."""
    return {
        "status": "error",
        "message": f"You have reached your {LIMIT_WORDS[policy]} limit.",
        "errorType": "RATE_LIMIT",
        "correlationId": str(uuid.uuid4()),
        "policyName": policy,
    }
