"""One HubSpot request: authorised, paced, sent on the shared client, its failure classified.

Two lanes, because HubSpot counts them apart: the search endpoints (POST .../search) have their
own per-second limit and are exempt from the ten-secondly one (the OpenAPI documents tag them
`x-hubspot-rate-limit-exemptions: ["ten-secondly"]`); everything else shares the account's
ten-secondly burst limit with every other app there, so it is not paced here, only held back
after a 429. Searches are paced client-side with the delivery package's sliding-window
limiter, and identical searches in flight at once are sent once (a typeahead's repeated
keystrokes share one answer instead of spending the limit).

A 429 pauses its lane for Retry-After (or what the headers and policy say) and the request is
sent again while the call's patience lasts; past it the caller gets HubSpotRateLimited.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from services.clients.hubspot.config import HubSpotConfig
from services.clients.hubspot.errors import (
    HubSpotError,
    HubSpotRateLimited,
    HubSpotUnavailable,
    classify,
)
from services.clients.transport import unanswered_as
from services.delivery.limiter import RateLimiter, Window

log = logging.getLogger(__name__)

_ACCOUNT = "hubspot"  # the limiter's tenant key: one HubSpot account per client
SEARCH, CRM = "search", "crm"


@dataclass(frozen=True)
class Pace:
    """How the client spaces its calls and how long one call may wait on rate limits."""

    # HubSpot's search limit per token, historically 4 a second (its 2026 guide says 5 per
    # account): 4 stays under both.
    search: Window = field(default_factory=lambda: Window(limit=4, seconds=1.0))
    # The longest one call waits, in total, for pacing and 429 pauses before giving up.
    patience: float = 10.0


class HubSpotApi:
    """Sends JSON requests to one HubSpot account on the app's httpx client (never its own)."""

    def __init__(
        self,
        config: HubSpotConfig,
        http: httpx.AsyncClient,
        pace: Pace | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self._config, self._http = config, http
        self._pace = pace or Pace()
        self._clock = clock
        self._lanes = {
            SEARCH: RateLimiter([self._pace.search], [], clock=clock, sleep=sleep),
            CRM: RateLimiter([], [], clock=clock, sleep=sleep),  # only 429 pauses hold it
        }
        self._held: dict[str, tuple[float, str]] = {}  # lane: (paused until, the limit's name)
        self._searching: dict[str, asyncio.Future[dict[str, Any]]] = {}

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        patience: float | None = None,
    ) -> dict[str, Any]:
        """The JSON answer to `method path`, or a HubSpotError saying what to do about it."""
        if not path.startswith(("/crm/", "/account-info/", "/conversations/v3/")):
            raise ValueError(f"not a HubSpot API path: {path}")
        wait = self._pace.patience if patience is None else patience
        if not (method == "POST" and path.endswith("/search")):
            return await self._paced(CRM, method, path, params, body, wait)
        key = f"{path} {json.dumps(body, sort_keys=True)}"
        running = self._searching.get(key)
        if running is None:
            running = asyncio.ensure_future(self._paced(SEARCH, method, path, params, body, wait))
            self._searching[key] = running
            running.add_done_callback(lambda done: self._forget(key, done))
        # Shielded: one caller giving up (a superseded keystroke) does not cancel the others'.
        return await asyncio.shield(running)

    def _forget(self, key: str, done: asyncio.Future[dict[str, Any]]) -> None:
        self._searching.pop(key, None)
        if not done.cancelled():
            done.exception()  # retrieved here, so a search nobody awaits any more is not logged

    async def _paced(
        self,
        lane: str,
        method: str,
        path: str,
        params: dict[str, Any] | None,
        body: dict[str, Any] | None,
        patience: float,
    ) -> dict[str, Any]:
        limiter = self._lanes[lane]
        started = self._clock()
        while True:
            left = max(0.0, patience - (self._clock() - started))
            if not await limiter.acquire(_ACCOUNT, lane, max_wait=left):
                # Waiting for a slot would outlast the caller: a stale keystroke gives up here.
                raise HubSpotRateLimited(limiter.delay_for(_ACCOUNT, lane), self._why(lane))
            try:
                response = await self._send(method, path, params, body)
            finally:
                limiter.settle(_ACCOUNT, lane)
            if response.is_success:
                return _json(response, method, path)
            failure = classify(response)
            log.info("hubspot %s %s answered %s: %s", method, path, response.status_code, failure)
            if not isinstance(failure, HubSpotRateLimited):
                raise failure
            # The daily limit holds every call; the others only the lane HubSpot counted.
            for held in list(self._lanes) if failure.policy == "DAILY" else [lane]:
                self._lanes[held].pause(held, failure.retry_after)
                self._held[held] = (self._clock() + failure.retry_after, failure.policy)
            if failure.retry_after > patience - (self._clock() - started):
                raise failure

    def _why(self, lane: str) -> str:
        """The limit a lane waits on: the one HubSpot last named while its pause lasts, else
        the search endpoints' own (the only one paced here)."""
        until, policy = self._held.get(lane, (0.0, ""))
        return policy if until > self._clock() else ("SECONDLY" if lane == SEARCH else "")

    async def _send(
        self, method: str, path: str, params: dict[str, Any] | None, body: dict[str, Any] | None
    ) -> httpx.Response:
        with unanswered_as("HubSpot", method, path, HubSpotUnavailable):
            return await self._http.request(
                method,
                self._config.base_url + path,
                params=params,
                json=body,
                # Built per request so the token is never in the shared client's state.
                headers={
                    "Authorization": self._config.authorization(),
                    "Accept": "application/json",
                },
            )


def _json(response: httpx.Response, method: str, path: str) -> dict[str, Any]:
    """The answer's JSON object (an empty one for 204)."""
    if response.status_code == 204 or not response.content:
        return {}
    try:
        data = response.json()
    except ValueError as error:
        raise HubSpotUnavailable(f"HubSpot answered {method} {path} with no JSON") from error
    if not isinstance(data, dict):
        raise HubSpotError(f"HubSpot answered {method} {path} with {type(data).__name__}")
    return data
