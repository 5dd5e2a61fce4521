"""The CloudAdapter, configured from settings, reusing connector clients across turns.

Stock botbuilder builds a new ConnectorClient and a new UserTokenClient on every turn; each
builds an msrest configuration (about 4 ms, in msrest's retry-policy set-up), which dominates a
simple turn. The clients hold no per-turn state, so one per (app id, service URL, audience)
serves every turn.

It also refuses tokens without an expiry, which PyJWT lets through, and hands botbuilder's
signing-key fetcher over to bot.signing_keys (botbuilder's blocks the event loop).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from types import SimpleNamespace

import httpx
from aiohttp import web
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import CallerIdConstants
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    JwtTokenValidation,
    UserTokenClient,
)

from bot.signing_keys import SigningKeyCache, SigningKeysUnavailable
from bot.transport import tune
from services.settings import Settings


def bot_configuration(settings: Settings) -> SimpleNamespace:
    """The attribute names ConfigurationBotFrameworkAuthentication reads."""
    config = SimpleNamespace(
        APP_ID=settings.app_id,
        APP_PASSWORD=settings.app_password,
        # botbuilder's "MultiTenant" branch is the only one that accepts no credentials at all,
        # which is what authentication-off means.
        APP_TYPE=settings.app_type if settings.auth_enabled else "MultiTenant",
        APP_TENANTID=settings.app_tenant_id,
    )
    if settings.openid_metadata_url or settings.login_url:
        # Either switches botbuilder to its "parameterized" authentication, which takes every
        # endpoint from here: one left out is None, and an issuer of None refuses every real
        # token. So all are named, with the public cloud's values unless a setting says otherwise.
        config.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = (
            AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
        )
        config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = (
            settings.openid_metadata_url
            or AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
        )
        config.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = (
            AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
        )
        config.TO_CHANNEL_FROM_BOT_LOGIN_URL = (
            settings.login_url or AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX
        )
        config.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = (
            AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
        )
        config.OAUTH_URL = AuthenticationConstants.OAUTH_URL
        config.CALLER_ID = CallerIdConstants.public_azure_channel
    return config


def signing_keys(
    settings: Settings, http: httpx.AsyncClient, clock: Callable[[], datetime]
) -> SigningKeyCache:
    """Async key fetchers for the metadata URLs botbuilder would read; the channel's starts now."""
    config = bot_configuration(settings)
    channel = getattr(
        config,
        "TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL",
        AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
    )
    # The emulator's URL is also where skill tokens' keys are.
    emulator = getattr(
        config,
        "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL",
        AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
    )
    cache = SigningKeyCache.install([channel, emulator], http, clock)
    if settings.auth_enabled:
        cache.keys[0].refresh_soon()  # so the first token need not wait for the keys
    return cache


def _require_expiry(auth_header: str | None, claims: ClaimsIdentity) -> None:
    # PyJWT checks `exp` only when the token has one: a token that never expires is refused.
    # (No header is the anonymous identity of authentication-off, which has no token at all.)
    if auth_header and "exp" not in (claims.claims or {}):
        raise PermissionError("Unauthorized: the token has no expiry (exp)")


class _CachingConnectorFactory(ConnectorFactory):
    """Hands out one ConnectorClient per (app id, service URL, audience)."""

    def __init__(self, inner: ConnectorFactory, app_id: str, cache: dict) -> None:
        self._inner, self._app_id, self._cache = inner, app_id, cache

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        key = (self._app_id, service_url, audience)
        client = self._cache.get(key)
        if client is None:
            client = self._cache[key] = tune(await self._inner.create(service_url, audience))
        return client


class CachingBotFrameworkAuthentication(BotFrameworkAuthentication):
    """botbuilder's authentication, with the outbound clients it creates kept for reuse."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner
        self._connectors: dict = {}
        self._token_clients: dict[str, UserTokenClient] = {}

    @staticmethod
    def _app_id(claims: ClaimsIdentity) -> str:
        return JwtTokenValidation.get_app_id_from_claims(claims.claims) or ""

    async def authenticate_request(self, activity, auth_header: str) -> AuthenticateRequestResult:
        try:
            # No header is None to botbuilder: its parameterized path fails on "" (500).
            result = await self._inner.authenticate_request(activity, auth_header or None)
            _require_expiry(auth_header, result.claims_identity)
        except OSError:
            raise  # PermissionError: refused (bot.signing_keys: an unknown key id, say)
        except SigningKeysUnavailable as error:
            # Ours, not the caller's: no keys yet, the key service slow or down.
            raise web.HTTPServiceUnavailable(
                text=json.dumps({"error": "the signing keys are not available yet"}),
                content_type="application/json",
            ) from error
        except Exception as error:
            # botbuilder 4.17 reports most bad tokens as other errors: jwt's InvalidSignatureError
            # and ExpiredSignatureError, DecodeError for garbage, IndexError for an unknown key
            # id, a bare Exception for a key not endorsed for the channel. All mean "refused".
            raise PermissionError(f"Unauthorized: {error}") from error
        if result.connector_factory is not None:
            result.connector_factory = _CachingConnectorFactory(
                result.connector_factory, self._app_id(result.claims_identity), self._connectors
            )
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str):
        result = await self._inner.authenticate_streaming_request(auth_header, channel_id_header)
        _require_expiry(auth_header, result.claims_identity)
        return result

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        inner = self._inner.create_connector_factory(claims_identity)
        return _CachingConnectorFactory(inner, self._app_id(claims_identity), self._connectors)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        app_id = self._app_id(claims_identity)
        client = self._token_clients.get(app_id)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._token_clients[app_id] = client
        return client

    def create_bot_framework_client(self):
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        claims = await self._inner.authenticate_channel_request(auth_header)
        _require_expiry(auth_header, claims)
        return claims

    async def close(self) -> None:
        """Close the aiohttp sessions the kept clients opened when they were built."""
        sdk_clients = [*self._connectors.values()]
        sdk_clients += [getattr(c, "_client", None) for c in self._token_clients.values()]
        for client in sdk_clients:
            if client is not None:
                await client.__aexit__(None, None, None)
        self._connectors.clear()
        self._token_clients.clear()


def create_adapter(settings: Settings) -> tuple[CloudAdapter, CachingBotFrameworkAuthentication]:
    """A CloudAdapter whose authentication follows the settings (off without an app id)."""
    auth = CachingBotFrameworkAuthentication(
        ConfigurationBotFrameworkAuthentication(bot_configuration(settings))
    )
    return CloudAdapter(auth), auth
