"""A local login.botframework.com (OpenID metadata, signing keys) and Entra token endpoint.

The Bot Connector signs every request to a bot with a key it publishes at the `jwks_uri` of its
OpenID metadata; each key lists the channels it may sign for (`endorsements`). The bot, to
answer, gets its own token from Entra with its app id and password (msal). botbuilder 4.17 and
msal do both with the blocking `requests` library, from inside the event loop, so this server
runs on its own loop in a thread (on the test's loop it could never answer), and over HTTPS
with its own certificate: msal accepts nothing else. `tests.harness.secured.trusting` points
REQUESTS_CA_BUNDLE (msal) and SSL_CERT_FILE (httpx: bot.signing_keys fetches the keys with it) at
`ca_file`. `delay` and `down` make the key service slow or failing, as login.botframework.com
sometimes is.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import secrets
import shutil
import socket
import ssl
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from jwt.algorithms import RSAAlgorithm

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


@dataclass(frozen=True)
class SigningKey:
    """An RSA key pair with the id and the channel endorsements it is published with."""

    private: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    kid: str = field(default_factory=lambda: uuid.uuid4().hex)
    endorsements: tuple[str, ...] = ("msteams", "webchat")

    def jwk(self) -> dict[str, Any]:
        """The public half, as the JWKS lists it."""
        public = RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True)
        return {**public, "kid": self.kid, "use": "sig", "endorsements": list(self.endorsements)}


def _self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that is its own authority; returns (cert, key) paths."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake login")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "login.crt", directory / "login.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


class FakeBotFrameworkLogin:
    """Serves `metadata_url`, its keys and `login_url`; `mint()` signs as the channel does."""

    def __init__(self) -> None:
        self.key = SigningKey()
        self.published: list[SigningKey] = [self.key]
        self.token_requests: list[dict[str, str]] = []  # the forms the bot posted to Entra
        self.issued_tokens: list[str] = []  # what Entra answered them with
        self.delay = 0.0  # seconds the metadata and the keys each take to answer
        self.down = False  # the metadata and the keys answer 503
        self.key_requests = 0  # requests for the metadata or the keys, answered or not
        self._closing = asyncio.Event()  # bound to the server's loop when first awaited
        # botbuilder caches metadata by URL for a day, process-wide: a fresh path per server.
        self._root = f"/{uuid.uuid4().hex}"
        self._dir = Path(tempfile.mkdtemp(prefix="fake-login-"))
        self.ca_file, self._key_file = _self_signed_certificate(self._dir)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self._base = ""

    @property
    def metadata_url(self) -> str:
        """What BOT_OPENID_METADATA_URL should say."""
        return f"{self._base}{self._root}/v1/.well-known/openidconfiguration"

    @property
    def login_url(self) -> str:
        """The authority for the bot's own tokens (ADFS-shaped: msal then skips its instance
        discovery, a call to login.microsoftonline.com that botbuilder gives no way to turn off).
        """
        return f"{self._base}/adfs"

    def publish(self, key: SigningKey) -> SigningKey:
        """Add a key to the JWKS (before the bot first fetches it)."""
        self.published.append(key)
        return key

    def mint(
        self,
        app_id: str,
        service_url: str,
        *,
        issuer: str = BOT_FRAMEWORK_ISSUER,
        key: SigningKey | None = None,
        expires_in: int | None = 3600,
        kid: str | None = None,
        algorithm: str = "RS256",
    ) -> str:
        """A channel→bot token for `app_id` (the audience) and `service_url`, as Teams sends."""
        signer = key or self.key
        now = int(time.time())
        claims = {
            "iss": issuer,
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": now - 60,
        }
        if expires_in is not None:  # None: a token without `exp`, one that never expires
            claims["exp"] = now + expires_in
        headers = {"kid": kid or signer.kid, "typ": "JWT"}
        secret = None if algorithm == "none" else signer.private
        return jwt.encode(claims, secret, algorithm=algorithm, headers=headers)

    async def _key_service_failure(self) -> web.Response | None:
        """Wait out `delay` (cut short when the server closes), then answer 503 if `down`."""
        self.key_requests += 1
        if self.delay:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), self.delay)
        return web.json_response({"error": "down"}, status=503) if self.down else None

    async def _metadata(self, request: web.Request) -> web.Response:
        if (failure := await self._key_service_failure()) is not None:
            return failure
        return web.json_response(
            {
                "issuer": BOT_FRAMEWORK_ISSUER,
                "authorization_endpoint": "https://invalid.botframework.com",
                "jwks_uri": f"{self._base}{self._root}/keys",
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
        )

    async def _keys(self, request: web.Request) -> web.Response:
        if (failure := await self._key_service_failure()) is not None:
            return failure
        return web.json_response({"keys": [key.jwk() for key in self.published]})

    async def _authority(self, request: web.Request) -> web.Response:
        return web.json_response(
            {
                "issuer": self.login_url,
                "authorization_endpoint": f"{self.login_url}/oauth2/authorize",
                "token_endpoint": f"{self.login_url}/oauth2/token",
            }
        )

    async def _token(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        self.token_requests.append({k: str(v) for k, v in form.items()})
        self.issued_tokens.append(token := secrets.token_hex(16))
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3600, "access_token": token}
        )

    async def _serve(self, sock: socket.socket) -> None:
        app = web.Application()
        app.router.add_get(self._root + "/v1/.well-known/openidconfiguration", self._metadata)
        app.router.add_get(self._root + "/keys", self._keys)
        app.router.add_get("/adfs/.well-known/openid-configuration", self._authority)
        app.router.add_post("/adfs/oauth2/token", self._token)
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(self.ca_file, self._key_file)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.SockSite(self._runner, sock, ssl_context=tls).start()

    def start(self) -> None:
        """Listen on a free loopback port, on the server's own thread."""
        sock = socket.create_server(("127.0.0.1", 0))
        self._base = f"https://127.0.0.1:{sock.getsockname()[1]}"
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._serve(sock), self._loop).result(timeout=5)

    def close(self) -> None:
        """Stop listening, end the thread and remove the certificate."""
        if self._runner is not None:
            self._loop.call_soon_threadsafe(self._closing.set)  # a delayed answer goes out now
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()
        shutil.rmtree(self._dir, ignore_errors=True)
