"""One NetSuite request: signed, sent on the shared client, its failure classified."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import httpx

from services.clients.netsuite.auth import TokenSigner
from services.clients.netsuite.config import NetSuiteConfig
from services.clients.netsuite.errors import NetSuiteUnavailable, classify
from services.clients.transport import unanswered_as

log = logging.getLogger(__name__)
REST = "/services/rest/"


class NetSuiteApi:
    """Sends requests to one NetSuite account on the app's httpx client (never its own)."""

    def __init__(
        self, config: NetSuiteConfig, http: httpx.AsyncClient, signer: TokenSigner | None = None
    ) -> None:
        self._config = config
        self._http = http
        self._signer = signer or TokenSigner(config)

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        body: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> httpx.Response:
        """The 2xx answer to `method path`, or a NetSuiteError saying what to do about it.

        `timeout` (seconds) bounds this call alone: look-ups a person waits on pass a short one.
        """
        if not path.startswith(REST):
            raise ValueError(f"not a NetSuite REST path: {path}")
        # The URL is built here, once, so the query signed is byte for byte the query sent.
        url = self._config.base_url + path + (f"?{urlencode(params)}" if params else "")
        sent = {
            "Accept": "application/json",
            **(headers or {}),
            # Built per request: the signature covers this URL, a fresh nonce and timestamp.
            "Authorization": self._signer.authorization(method, url),
        }
        with unanswered_as("NetSuite", method, path, NetSuiteUnavailable):
            response = await self._http.request(
                method,
                url,
                json=body,
                headers=sent,
                timeout=httpx.Timeout(timeout) if timeout else httpx.USE_CLIENT_DEFAULT,
            )
        if response.is_success:
            return response
        failure = classify(response)
        log.info("netsuite %s %s answered %s: %s", method, path, response.status_code, failure)
        raise failure


def json_object(response: httpx.Response, what: str) -> dict[str, Any]:
    """The answer's JSON object, or NetSuiteUnavailable when NetSuite sent something else."""
    try:
        data = response.json()
    except ValueError as error:
        raise NetSuiteUnavailable(f"NetSuite answered {what} with no JSON") from error
    if not isinstance(data, dict):
        raise NetSuiteUnavailable(f"NetSuite answered {what} with {type(data).__name__}")
    return data
