"""The Bot Connector's signing keys, fetched with httpx within a timeout, cached, kept on failure.

botbuilder 4.17 fetches the OpenID metadata and its JWKS with a blocking `requests.get` without a
timeout, on the event loop, whenever its copy is a day old: a slow login.botframework.com stalls
every request the bot serves, a hung one hangs the bot. Its token extractor asks for a key with
`await JwtTokenExtractor.metadataCache[metadata_url].get(kid)`, that cache being a process-wide
dict by URL which it fills on first use. The dict is the seam: `SigningKeyCache.install` puts a
`SigningKeys` there for each metadata URL the configured authentication reads, so every extractor
botbuilder builds (channel, emulator, skill) reads these keys, and `close` takes them out again.
(A subclass of the extractor would need patching into the five modules that build one by name.)

A `SigningKeys` refreshes in the background once its keys are a day old (botbuilder's age), and
while the caller waits for an unknown key id (a rollover), at most once per RETRY_AFTER. A failed
refresh keeps the keys in hand; only while it has none does a token get SigningKeysUnavailable
(a 503), and each such token waits for one more try, one at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

FETCH_TIMEOUT = 5.0  # seconds, for the metadata and the keys together
REFRESH_AFTER = timedelta(days=1)
RETRY_AFTER = timedelta(seconds=30)

Clock = Callable[[], datetime]


class SigningKeysUnavailable(Exception):
    """No signing keys yet, and the key service did not hand them over in time."""


@dataclass(frozen=True)
class PublishedKey:
    """One key of the JWKS, shaped as botbuilder's extractor reads it (its _OpenIdConfig)."""

    public_key: Any
    endorsements: list[str]


def _published(jwks: dict[str, Any]) -> dict[str, PublishedKey]:
    keys = {
        jwk["kid"]: PublishedKey(RSAAlgorithm.from_jwk(jwk), list(jwk.get("endorsements", [])))
        for jwk in jwks["keys"]
        if jwk.get("kty") == "RSA" and "kid" in jwk
    }
    if not keys:
        raise ValueError("the JWKS lists no RSA key")
    return keys


class SigningKeys:
    """The keys published at one OpenID metadata URL, for botbuilder's token extractor."""

    def __init__(self, url: str, http: httpx.AsyncClient, clock: Clock) -> None:
        self.url, self._http, self._clock = url, http, clock
        self._keys: dict[str, PublishedKey] = {}
        self._fetched_at = datetime.min
        self._tried_at: datetime | None = None
        self._refreshing: asyncio.Task[bool] | None = None

    async def get(self, key_id: str | None) -> PublishedKey:
        """The key to verify a token signed by `key_id` with (botbuilder's interface)."""
        if not self._keys:
            await self._wait(self.refresh_soon())
            if not self._keys:
                raise SigningKeysUnavailable(f"no signing keys from {self.url} yet")
        elif self._clock() - self._fetched_at >= REFRESH_AFTER:
            self.refresh_soon()  # the keys in hand serve meanwhile
        key = self._keys.get(key_id) if key_id else None
        if key is None and key_id:
            await self._wait(self.refresh_soon())  # the channel may have rolled to a new key
            key = self._keys.get(key_id)
        if key is None:
            raise PermissionError(f"no published signing key has the id {key_id!r}")
        return key

    def refresh_soon(self) -> asyncio.Task[bool] | None:
        """The refresh under way, else a new one, unless it has keys and began one lately."""
        if self._refreshing is None or self._refreshing.done():
            now = self._clock()
            # With no keys yet every token waits for a fetch (one at a time): a key service back
            # from an outage is used at once. With keys, bogus key ids must not hammer it.
            if self._keys and self._tried_at and now - self._tried_at < RETRY_AFTER:
                return None
            self._tried_at = now
            self._refreshing = asyncio.create_task(self.refresh(), name=f"keys {self.url}")
        return self._refreshing

    async def refresh(self) -> bool:
        """Fetch the metadata, then the keys it points to; on any failure keep the old keys."""
        try:
            async with asyncio.timeout(FETCH_TIMEOUT):
                metadata = await self._json(self.url)
                keys = _published(await self._json(metadata["jwks_uri"]))
        except Exception as error:
            log.warning(
                "could not refresh the signing keys from %s, keeping %d: %r",
                self.url,
                len(self._keys),
                error,
            )
            return False
        self._keys, self._fetched_at = keys, self._clock()
        return True

    async def _json(self, url: str) -> Any:
        response = await self._http.get(url, timeout=FETCH_TIMEOUT)
        response.raise_for_status()
        return response.json()

    @staticmethod
    async def _wait(refresh: asyncio.Task[bool] | None) -> None:
        # Shielded: a request that gives up must not cancel the refresh others may wait on.
        if refresh is not None:
            await asyncio.shield(refresh)

    async def close(self) -> None:
        """Stop a refresh under way (the HTTP client it uses is about to close)."""
        if self._refreshing is not None:
            self._refreshing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refreshing


# Per URL, the installed SigningKeys, newest last: apps in one process (tests) come and go.
_installed: dict[str, list[SigningKeys]] = {}


class SigningKeyCache:
    """SigningKeys for each metadata URL, in botbuilder's metadata cache until closed."""

    def __init__(self, keys: list[SigningKeys]) -> None:
        self.keys = keys

    @classmethod
    def install(cls, urls: Iterable[str], http: httpx.AsyncClient, clock: Clock) -> SigningKeyCache:
        """Replace botbuilder's blocking fetcher for these URLs."""
        keys = [SigningKeys(url, http, clock) for url in dict.fromkeys(urls)]
        for each in keys:
            _installed.setdefault(each.url, []).append(each)
            JwtTokenExtractor.metadataCache[each.url] = each
        return cls(keys)

    async def close(self) -> None:
        """Stop refreshing and hand each URL back to the app installed before, or to botbuilder."""
        for each in self.keys:
            await each.close()
            stack = _installed[each.url]
            stack.remove(each)
            if stack:
                JwtTokenExtractor.metadataCache[each.url] = stack[-1]
            else:
                del _installed[each.url]
                JwtTokenExtractor.metadataCache.pop(each.url, None)
