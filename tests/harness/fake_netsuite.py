"""A local NetSuite for tests: SuiteTalk REST records and SuiteQL, with token-based auth.

Written from Oracle's NetSuite help (SuiteTalk REST Web Services: Creating / Getting a Record
Instance, Using the Upsert Operation, Using External IDs, Error Handling in REST Web Services,
Executing SuiteQL Queries Through REST Web Services, Collection Paging; Token-based
Authentication: The Signature for Web Services and RESTlets), not from the client.

Every request must be signed with the account's token (fake_netsuite_auth; else 401
INVALID_LOGIN). Records: fake_netsuite_routes and the store. SuiteQL runs for real
(fake_netsuite_sql). Knobs: `latency` before every answer; `down` answers 503 to everything;
`hang` never answers until the caller gives up (a timeout); `storm(n)` answers the next n
requests 429 CONCURRENCY_LIMIT_EXCEEDED (NetSuite's concurrency limit), with Retry-After when
given; `lose_next(method, path)` applies the next such request, then hangs up unanswered;
`refuse_next(method, path, detail)` answers the next such request 400 USER_ERROR with
`detail`, as NetSuite refuses a record it will not take (a field value it does not accept).
Every request lands in `requests` with the status it got (None when lost or hung).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.harness.fake_netsuite_auth import UNAUTHORIZED, LoginRefused, TokenCheck
from tests.harness.fake_netsuite_routes import RECORD, SUITEQL, problem, records, suiteql
from tests.harness.fake_netsuite_store import NetSuiteStore

# The machines' custom record as bestpack.toml's [bp_search.netsuite] names it.
MACHINE_RECORD = "customrecord_bp_machine"
MACHINE_FIELDS = (
    "custrecord_bp_serial",
    "custrecord_bp_model",
    "custrecord_bp_complexity",
    "custrecord_bp_customer",
    "custrecord_bp_site",
    "custrecord_bp_site_state",
    "custrecord_bp_install_date",
    "custrecord_bp_warranty_end",
    "custrecord_bp_contract_end",
)


@dataclass
class Request:
    """One request the fake received."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int | None = None


@dataclass
class FakeNetSuite:
    """The server, its data (`store`), its knobs and what it was asked."""

    clock: Callable[[], float] = time.time
    latency: float = 0.0
    down: bool = False
    hang: bool = False
    custom_records: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {MACHINE_RECORD: MACHINE_FIELDS}
    )
    auth: TokenCheck = field(default_factory=TokenCheck)
    requests: list[Request] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)  # why each 401 was given
    server: TestServer | None = None
    store: NetSuiteStore = field(init=False)
    _storm: deque[float | None] = field(default_factory=deque)
    _lose: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    _refuse: list[tuple[str, re.Pattern[str], str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.store = NetSuiteStore(self.custom_records)

    @property
    def url(self) -> str:
        """NETSUITE_URL for the client."""
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/")

    def storm(self, answers: int, retry_after: float | None = None) -> None:
        """The next `answers` requests get 429 CONCURRENCY_LIMIT_EXCEEDED."""
        self._storm.extend([retry_after] * answers)

    def lose_next(self, method: str, path: str) -> None:
        """The next `method` request to a path matching regex `path` is applied, unanswered."""
        self._lose.append((method, re.compile(path)))

    def refuse_next(self, method: str, path: str, detail: str) -> None:
        """The next `method` request to a path matching regex `path` is refused (400)."""
        self._refuse.append((method, re.compile(path), detail))

    def calls(self, method: str, path: str) -> list[Request]:
        """The requests made to one endpoint."""
        return [r for r in self.requests if r.method == method and r.path == path]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Answer one request as NetSuite would, or as a knob says."""
        raw = await request.read()
        try:
            body = await request.json() if raw else None
        except ValueError:
            body = ValueError
        query = dict(parse_qsl(request.query_string, keep_blank_values=True))
        seen = Request(request.method, request.path, query, body)
        self.requests.append(seen)
        await asyncio.sleep(self.latency)
        if self.hang:
            await asyncio.sleep(3600)  # the caller's timeout ends it
        response = self._answer(request, seen)
        if lost := self._lost(seen):
            self._lose.remove(lost)
            assert request.transport is not None
            request.transport.close()
            raise ConnectionResetError("the fake NetSuite hung up after applying the request")
        seen.status = response.status
        return response

    def _answer(self, request: web.Request, seen: Request) -> web.Response:
        if self.down:
            return problem(503, "The service is temporarily unavailable.", "SERVICE_UNAVAILABLE")
        if self._storm:
            wait = self._storm.popleft()
            answer = problem(429, "Too many concurrent requests.", "CONCURRENCY_LIMIT_EXCEEDED")
            if wait is not None:
                answer.headers["Retry-After"] = f"{wait:g}"
            return answer
        base_uri = f"{request.scheme}://{request.host}{request.rel_url.raw_path}"
        query = parse_qsl(request.query_string, keep_blank_values=True)
        try:
            self.auth.verify(
                request.headers.get("Authorization"), request.method, base_uri, query, self.clock()
            )
        except LoginRefused as refused:
            self.refusals.append(str(refused))
            return web.json_response(UNAUTHORIZED, status=401)
        if seen.body is ValueError:
            return problem(400, "The request body is not valid JSON.", "INVALID_CONTENT")
        for refusal in self._refuse:
            if refusal[0] == seen.method and refusal[1].fullmatch(seen.path):
                self._refuse.remove(refusal)
                return problem(400, refusal[2], "USER_ERROR")
        here = f"{request.scheme}://{request.host}"
        if seen.path == SUITEQL and request.method == "POST":
            return suiteql(self.store, here, seen.query, seen.body, request.headers.get("Prefer"))
        if RECORD.fullmatch(seen.path):
            return records(self.store, request.method, here, seen.path, seen.query, seen.body)
        return problem(404, f"The resource {seen.path} does not exist.", "NONEXISTENT_RESOURCE")

    def _lost(self, seen: Request) -> tuple[str, re.Pattern[str]] | None:
        return next(
            (x for x in self._lose if x[0] == seen.method and x[1].fullmatch(seen.path)), None
        )

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
