"""One Zendesk request: signed, sent on the shared client, its failure classified."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from services.clients.transport import unanswered_as
from services.clients.zendesk.config import ZendeskConfig
from services.clients.zendesk.errors import Transient, ZendeskError, classify

log = logging.getLogger(__name__)


class ZendeskApi:
    """Sends JSON requests to one Zendesk account on the app's httpx client (never its own)."""

    def __init__(self, config: ZendeskConfig, http: httpx.AsyncClient) -> None:
        self._config = config
        self._http = http

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The JSON answer to `method path`, or a ZendeskError saying what to do about it."""
        # Zendesk routes without the suffix differently (the Help Center answers 415).
        if not path.startswith("/api/v2/") or not path.endswith(".json"):
            raise ValueError(f"not a Zendesk API path: {path}")
        with unanswered_as("Zendesk", method, path, Transient):
            response = await self._http.request(
                method,
                self._config.base_url + path,
                params=params,
                json=body,
                # The header is built per request so the token is never in the client's state.
                headers={
                    "Authorization": self._config.authorization(),
                    "Accept": "application/json",
                },
            )
        if response.is_success:
            return _json(response, method, path)
        failure = classify(response)
        log.info("zendesk %s %s answered %s: %s", method, path, response.status_code, failure)
        raise failure


def _json(response: httpx.Response, method: str, path: str) -> dict[str, Any]:
    """The answer's JSON object (an empty one for 204)."""
    if response.status_code == 204 or not response.content:
        return {}
    try:
        data = response.json()
    except ValueError as error:
        raise Transient(f"Zendesk answered {method} {path} with no JSON") from error
    if not isinstance(data, dict):
        raise ZendeskError(f"Zendesk answered {method} {path} with {type(data).__name__}")
    return data
