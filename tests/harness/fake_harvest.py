"""A local Harvest for tests: time entries (API v2), checked and limited like Harvest.

Written from Harvest's API v2 reference (help.getharvest.com/api-v2: Overview, Authentication,
Pagination, Timesheets: time entries), not from the client. Every request must carry a
User-Agent (else 400, as Harvest documents) and `Authorization: Bearer <token>` with the
account's `Harvest-Account-Id` (else 401 with the OAuth error body Harvest sends). At most
`limit` requests are taken per `window` seconds (Harvest: 100 per 15 s); past that, 429 with
Retry-After, the seconds until the oldest counted request leaves the window.

Knobs: `down` answers 503 to everything; `storm(n, retry_after)` answers the next n requests 429
with Retry-After; `lose_next(method, path)` applies the next such request, then hangs up
unanswered (Harvest made the entry, the bot never hears). Every request lands in `requests`
with the status it got (None when lost). `clock` is the fake's time in seconds (tests pass
theirs, so Retry-After is waited out on the same clock).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.harness.fake_harvest_store import HarvestStore, Refusal

ACCOUNT_ID = "123456"
TOKEN = "2284577.pt.fake-harvest-token"
USER_AGENT = "Support Desk (support-it@example.com)"
ENTRIES = "/v2/time_entries"
INVALID_TOKEN = {
    "error": "invalid_token",
    "error_description": "The access token provided is expired, revoked, malformed or invalid "
    "for other reasons.",
}


@dataclass
class Request:
    """One request the fake received."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]
    status: int | None = None


@dataclass
class FakeHarvest:
    """The server, its data (`store`), its limit and knobs, and what it was asked."""

    clock: Callable[[], float] = time.time
    account_id: str = ACCOUNT_ID
    token: str = TOKEN
    limit: int = 100
    window: float = 15.0
    down: bool = False
    store: HarvestStore = field(default_factory=HarvestStore)
    requests: list[Request] = field(default_factory=list)
    server: TestServer | None = None
    _storm: deque[float] = field(default_factory=deque)
    _lose: list[tuple[str, str]] = field(default_factory=list)
    _taken: deque[float] = field(default_factory=deque)  # when each counted request came

    @property
    def url(self) -> str:
        """HARVEST_URL for the client."""
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/")

    def settings(self) -> dict[str, str]:
        """The HARVEST_* settings for the fake."""
        return {
            "HARVEST_ACCOUNT_ID": self.account_id,
            "HARVEST_TOKEN": self.token,
            "HARVEST_URL": self.url,
            "HARVEST_USER_AGENT": USER_AGENT,
        }

    def storm(self, answers: int, retry_after: float = 15.0) -> None:
        """The next `answers` requests get 429 with Retry-After."""
        self._storm.extend([retry_after] * answers)

    def lose_next(self, method: str, path: str) -> None:
        """The next `method path` request is applied, and its answer never sent."""
        self._lose.append((method, path))

    def calls(self, method: str, path: str = ENTRIES) -> list[Request]:
        """The requests made to one endpoint."""
        return [r for r in self.requests if r.method == method and r.path == path]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Answer one request as Harvest would, or as a knob says."""
        raw = await request.read()
        try:
            body = await request.json() if raw else None
        except ValueError:
            body = ValueError
        seen = Request(
            request.method, request.path, dict(request.query), body, dict(request.headers)
        )
        self.requests.append(seen)
        response = self._answer(request, seen)
        if (seen.method, seen.path) in self._lose and response.status < 300:
            self._lose.remove((seen.method, seen.path))
            assert request.transport is not None
            request.transport.close()
            raise ConnectionResetError("the fake Harvest hung up after applying the request")
        seen.status = response.status
        return response

    def _answer(self, request: web.Request, seen: Request) -> web.Response:
        if self.down:
            return web.json_response({"code": 503, "message": "Service Unavailable"}, status=503)
        if self._storm:
            return _throttled(self._storm.popleft())
        if not request.headers.get("User-Agent"):
            return web.json_response({"code": 400, "message": "User-Agent required"}, status=400)
        wait = self._over_limit()
        if wait is not None:
            return _throttled(wait)
        expected = f"Bearer {self.token}"
        account = request.headers.get("Harvest-Account-Id")
        if request.headers.get("Authorization") != expected or account != self.account_id:
            return web.json_response(INVALID_TOKEN, status=401)
        try:
            return self._route(seen)
        except Refusal as refusal:
            return web.json_response(refusal.body, status=refusal.status)

    def _over_limit(self) -> float | None:
        """Seconds until a request is taken again, or None (and this one counts)."""
        now = self.clock()
        while self._taken and self._taken[0] <= now - self.window:
            self._taken.popleft()
        if len(self._taken) >= self.limit:
            return self._taken[0] + self.window - now
        self._taken.append(now)
        return None

    def _route(self, seen: Request) -> web.Response:
        if seen.path != ENTRIES:
            raise Refusal(404, "Not found")
        if seen.method == "POST":
            if seen.body is ValueError:
                raise Refusal(400, "The request body is not valid JSON")
            now = datetime.fromtimestamp(self.clock(), UTC)
            return web.json_response(self.store.create(seen.body, now), status=201)
        if seen.method == "GET":
            return web.json_response(_page(self.store.listed(seen.query), seen.query))
        raise Refusal(404, "Not found")

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


def _throttled(wait: float) -> web.Response:
    answer = web.json_response({"code": 429, "message": "Too Many Requests"}, status=429)
    answer.headers["Retry-After"] = str(max(1, math.ceil(wait)))
    return answer


def _page(entries: list[dict[str, Any]], query: dict[str, str]) -> dict[str, Any]:
    """One page of a list answer, with Harvest's pagination keys (per_page up to 2000)."""
    per_page = min(max(int(query.get("per_page", 2000)), 1), 2000)
    page = max(int(query.get("page", 1)), 1)
    pages = max(math.ceil(len(entries) / per_page), 1)
    return {
        "time_entries": entries[(page - 1) * per_page : page * per_page],
        "per_page": per_page,
        "total_pages": pages,
        "total_entries": len(entries),
        "next_page": page + 1 if page < pages else None,
        "previous_page": page - 1 if page > 1 else None,
        "page": page,
        "links": {},
    }
