"""A local Zendesk for tests: Support API v2 and Help Center API v2, checked like Zendesk.

Written from Zendesk's API reference at developer.zendesk.com (Support: Tickets, Ticket
Comments, Users, Ticket Fields, Incremental Exports; Help Center: Articles; Introduction:
rate limits, pagination, errors) and the Support OpenAPI document it publishes
(developer.zendesk.com/zendesk/oas.yaml, API v2, as read in December 2026), not copied from them.

Every request must carry Basic auth `{email}/token:{token}` of a known user (else 401), use a
path ending in `.json` (else 404), name only query parameters Zendesk documents for it (else
400), and pass the checks of fake_zendesk_checks (enums, required fields, custom field ids that
exist); the store applies Zendesk's rules (closed tickets refuse updates, follow-ups only of
closed tickets, safe updates). The incremental export answers only
an admin (403) and wants start_time at least a minute back.

Faults: `fail_next(...)` scripts the next requests' fate (`fail_next_to(method, path, ...)`
those of one endpoint) — `refuse(429, retry_after=3)`,
`refuse(503)`, `delay(2.0)`, or LOST (the request is applied, then the connection is closed
unanswered); `latency` delays every answer; `per_minute` enforces a rate limit with 429 and
Retry-After; `hold_next` applies a request and never answers it (the caller is killed
meanwhile); `down_until` answers 503 to everything until that time on the fake's clock (an
outage). Every request lands in `requests` with its arrival time on the fake's clock and the
status it got (None when lost).
"""

from __future__ import annotations

import asyncio
import base64
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.harness.fake_zendesk_checks import Refusal, bad_request
from tests.harness.fake_zendesk_routes import ROUTES
from tests.harness.fake_zendesk_store import ZendeskStore

API_EMAIL = "desk-bot@bestpack.example"
API_TOKEN = "zd-test-token-6f1c"


@dataclass(frozen=True)
class Fault:
    """What happens to one request instead of a plain answer."""

    status: int | None = None  # answer this status without applying the request
    retry_after: float | None = None
    seconds: float = 0.0  # wait this long first
    lost: bool = False  # apply it, then hang up unanswered


def refuse(status: int, retry_after: float | None = None) -> Fault:
    """Answer `status` (with Retry-After when given) and change nothing."""
    return Fault(status=status, retry_after=retry_after)


def delay(seconds: float) -> Fault:
    """Answer normally, `seconds` late."""
    return Fault(seconds=seconds)


LOST = Fault(lost=True)


@dataclass
class Request:
    """One request the fake received."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    authorization: str | None
    at: datetime  # on the fake's clock, when it arrived
    status: int | None = None


@dataclass
class FakeZendesk:
    """The server, its data (`store`), its scripted faults and what it was asked."""

    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    latency: float = 0.0
    per_minute: int | None = None
    window: float = 60.0  # the seconds per_minute counts over (benches scale a minute down)
    down_until: datetime | None = None
    store: ZendeskStore = field(init=False)
    requests: list[Request] = field(default_factory=list)
    script: deque[Fault] = field(default_factory=deque)
    aimed: dict[tuple[str, str], deque[Fault]] = field(default_factory=dict)
    server: TestServer | None = None
    _answered: deque[float] = field(default_factory=deque)
    _holds: list[tuple[str, re.Pattern[str], asyncio.Event]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.store = ZendeskStore(clock=lambda: self.clock())
        self.api_user = self.store.add_user("Desk Bot", API_EMAIL, "admin")

    @property
    def url(self) -> str:
        """ZENDESK_URL for the client."""
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/")

    def fail_next(self, *faults: Fault) -> None:
        """The next requests meet these faults, one each, in order."""
        self.script.extend(faults)

    def fail_next_to(self, method: str, path: str, *faults: Fault) -> None:
        """The next requests to this one endpoint meet these faults, whatever else is sent."""
        self.aimed.setdefault((method, path), deque()).extend(faults)

    def hold_next(self, method: str, path: str) -> asyncio.Event:
        """The next `method` request to a path matching the regex `path` is applied, then left
        unanswered until its caller hangs up (or dies); the event is set once it is applied."""
        applied = asyncio.Event()
        self._holds.append((method, re.compile(path), applied))
        return applied

    def calls(self, method: str, path: str) -> list[Request]:
        """The requests made to one endpoint."""
        return [r for r in self.requests if r.method == method and r.path == path]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Answer one request as Zendesk would, or as the scripted fault says."""
        raw = await request.read()
        try:
            body = await request.json() if raw else None
        except ValueError:
            body = ValueError
        seen = Request(
            request.method, request.path, dict(parse_qsl(request.query_string)),
            body, request.headers.get("Authorization"), self.clock(),
        )  # fmt: skip
        self.requests.append(seen)
        queue = self.aimed.get((seen.method, seen.path)) or self.script
        fault = queue.popleft() if queue else Fault()
        if self.down_until is not None and self.clock() < self.down_until:
            fault = refuse(503)
        await asyncio.sleep(self.latency + fault.seconds)
        try:
            response = self._limited() or self._answer(request, seen, fault)
        except Refusal as refusal:
            response = web.json_response(refusal.body, status=refusal.status)
        if held := self._held(seen):
            held.set()
            # aiohttp has no event for a peer that went away: look for it.
            while request.transport is not None and not request.transport.is_closing():  # noqa: ASYNC110
                await asyncio.sleep(0.05)
            raise ConnectionResetError("the caller of a held request went away")
        if fault.lost:
            assert request.transport is not None
            request.transport.close()
            raise ConnectionResetError("the fake Zendesk hung up after applying the request")
        seen.status = response.status
        return response

    def _held(self, seen: Request) -> asyncio.Event | None:
        for hold in self._holds:
            method, pattern, applied = hold
            if method == seen.method and pattern.fullmatch(seen.path):
                self._holds.remove(hold)
                return applied
        return None

    def _limited(self) -> web.Response | None:
        if self.per_minute is None:
            return None
        now = time.monotonic()
        while self._answered and self._answered[0] <= now - self.window:
            self._answered.popleft()
        if len(self._answered) >= self.per_minute:
            wait = max(1, int(self._answered[0] + self.window - now) + 1)
            return web.Response(status=429, text="Too Many Requests", headers=_retry(wait))
        self._answered.append(now)
        return None

    def _answer(self, request: web.Request, seen: Request, fault: Fault) -> web.Response:
        user = self._user(seen.authorization)
        if fault.status is not None:
            headers = _retry(fault.retry_after) if fault.retry_after is not None else {}
            return web.json_response({"error": "Scripted"}, status=fault.status, headers=headers)
        if not seen.path.endswith(".json"):
            raise Refusal(404, {"error": "InvalidEndpoint", "description": "Not found"})
        if seen.body is ValueError or (
            request.method in {"POST", "PUT"} and request.content_type != "application/json"
        ):
            raise bad_request("The request body must be JSON (Content-Type: application/json)")
        for method, pattern, handler, parameters in ROUTES:
            match = pattern.fullmatch(seen.path)
            if match and method == request.method:
                unknown = sorted(set(seen.query) - parameters)
                if unknown:
                    raise bad_request(f"Unknown parameters: {', '.join(unknown)}")
                # Links in answers name the address asked (a bench serves the fake elsewhere).
                here = f"{request.scheme}://{request.host}"
                return handler(self.store, user, seen, here, *match.groups())
        raise Refusal(404, {"error": "InvalidEndpoint", "description": "Not found"})

    def _user(self, authorization: str | None) -> dict[str, Any]:
        """The user an API token authenticates, or 401 as Zendesk answers it."""
        refused = Refusal(401, {"error": "Couldn't authenticate you"})
        if not authorization or not authorization.startswith("Basic "):
            raise refused
        try:
            decoded = base64.b64decode(authorization[6:], validate=True).decode()
        except ValueError as error:
            raise refused from error
        email, _, token = decoded.partition("/token:")
        user = self.store.user_by_email(email)
        if user is None or token != API_TOKEN or user["role"] == "end-user":
            raise refused
        return user

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


def _retry(seconds: float) -> dict[str, str]:
    # Zendesk writes whole seconds; a test's fraction is kept so it can run fast.
    return {"Retry-After": f"{seconds:g}"}
