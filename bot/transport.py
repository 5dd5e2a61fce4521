"""A faster outbound path for the kept ConnectorClients (measured by bench/turns.py).

msrest's default async pipeline sends with `requests` in a worker thread and walks every node
of an outgoing activity, card included. For the clients the adapter keeps:
- sends go through one aiohttp session on the event loop, proxies read from the environment
  once (aiohttp's trust_env re-reads them, and ~/.netrc, in worker threads on every request);
- the body is serialized by bot.wire instead of msrest's Serializer.body.
Behaviour is unchanged: the same URL, headers, body, errors (ErrorResponseException on 4xx/5xx).

What each buys, from bench/turns.py's `help` turn at one in flight with it switched off (bot
CPU per turn, 2 shared cores, two runs of 3-5 rounds; the whole turn costs about 4 ms):
the aiohttp transport 0.8-0.9 ms; reading proxies once 0.4-0.8 ms (aiohttp's trust_env);
bot.wire 0.7-1.3 ms (see there). Dropped as no longer paying: msrest's client-side validation
off and a plain-JSON shortcut in its object serializer (nothing measurable once bot.wire
writes the body), and sharing card JSON instead of letting botbuilder deep-copy it (0.05 ms
per help card, timed in process; within the bench's noise).
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.request import getproxies, proxy_bypass_environment

import aiohttp
from aiohttp.helpers import ProxyInfo, proxies_from_env
from botframework.connector.aio import ConnectorClient
from msrest.pipeline import AsyncHTTPPolicy, AsyncPipeline
from msrest.pipeline.aiohttp import AioHTTPSender
from msrest.pipeline.universal import RawDeserializer
from msrest.serialization import Model
from msrest.universal_http.aiohttp import AioHttpClientResponse
from msrest.universal_http.async_abc import AsyncHTTPSender
from yarl import URL

from bot.wire import Unsupported, to_wire

# requests' own default; Teams answers far faster, and proactive retries live in the outbox.
TIMEOUT = aiohttp.ClientTimeout(total=100)


class _HeaderCarrier:
    """What AppCredentials.signed_session writes the Authorization header into."""

    def __init__(self) -> None:
        self.headers: dict[str, str] = {}


class _CredentialsPolicy(AsyncHTTPPolicy):
    """Adds the bot's Entra token; msal may call the network, so it runs off the event loop."""

    def __init__(self, credentials) -> None:
        super().__init__()
        self._credentials = credentials

    async def send(self, request, **kwargs):
        carrier = _HeaderCarrier()
        await asyncio.to_thread(self._credentials.signed_session, carrier)
        if "Authorization" in carrier.headers:
            request.http_request.headers["Authorization"] = carrier.headers["Authorization"]
        return await self.next.send(request, **kwargs)


class EnvironmentProxies:
    """HTTP_PROXY, HTTPS_PROXY and NO_PROXY as the environment set them at start-up."""

    def __init__(self) -> None:
        self._settings = getproxies()
        self._proxies: dict[str, ProxyInfo] = proxies_from_env()

    def for_url(self, url: str) -> dict[str, Any]:
        """aiohttp's proxy arguments for a request to `url` (none when it goes direct)."""
        if not self._proxies:
            return {}
        target = URL(url)
        info = self._proxies.get(target.scheme)
        if info is None or (target.host and proxy_bypass_environment(target.host, self._settings)):
            return {}
        return {"proxy": info.proxy, "proxy_auth": info.proxy_auth}


class _AiohttpDriver(AsyncHTTPSender):
    """Sends msrest requests with one aiohttp session (msrest's own driver drops headers)."""

    def __init__(self) -> None:
        self._session = aiohttp.ClientSession(timeout=TIMEOUT)
        self._proxies = EnvironmentProxies()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details) -> None:
        await self._session.close()

    async def send(self, request, **config):
        result = await self._session.request(
            request.method,
            request.url,
            headers=request.headers,
            data=request.data,
            **self._proxies.for_url(request.url),
        )
        response = AioHttpClientResponse(request, result)
        await response.load_body()
        return response


def tune(client: ConnectorClient) -> ConnectorClient:
    """Give a kept client the aiohttp transport and the lighter serializer."""
    serializer = client._serialize
    msrest_body = serializer.body

    def body(data, data_type, **kwargs):
        if isinstance(data, Model):
            try:
                return to_wire(data)
            except Unsupported:
                pass
        return msrest_body(data, data_type, **kwargs)

    serializer.body = body
    config = client.config
    policies = [config.user_agent_policy, RawDeserializer(), config.http_logger_policy]
    if config.credentials is not None and getattr(config.credentials, "microsoft_app_id", None):
        policies.insert(1, _CredentialsPolicy(config.credentials))
    config.pipeline = AsyncPipeline(policies, AioHTTPSender(driver=_AiohttpDriver()))
    return client
