"""Token-based authentication: each request signed with OAuth 1.0a, HMAC-SHA256 (RFC 5849).

NetSuite ("The Signature for Web Services and RESTlets") wants realm = the account id, a fresh
nonce and timestamp per request, and the key `consumer secret & token secret`. The query
string (limit, offset, fields) is part of the signature base string (RFC 5849 3.4.1.3); a JSON
body is not (only form-encoded bodies are). The encoding, normalisation, HMAC and header
format are oauthlib's; this module only puts them together.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urlsplit

from oauthlib.oauth1 import Client
from oauthlib.oauth1.rfc5849 import parameters, signature

from services.clients.netsuite.config import NetSuiteConfig

SIGNATURE_METHOD = "HMAC-SHA256"  # NetSuite ended HMAC-SHA1 in 2023.1

Pairs = Iterable[tuple[str, str]]


def base_string(method: str, url: str, oauth_params: Pairs, form_params: Pairs = ()) -> str:
    """The signature base string of RFC 5849 3.4.1: method & base URI & every parameter (the
    URL's query, a form body's, the oauth_* ones), encoded and sorted."""
    query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    normalized = signature.normalize_parameters([*query, *form_params, *oauth_params])
    return signature.signature_base_string(
        method.upper(), signature.base_string_uri(url), normalized
    )


class TokenSigner:
    """Signs requests for one NetSuite account; a new nonce and timestamp every time."""

    def __init__(
        self,
        config: NetSuiteConfig,
        clock: Callable[[], float] = time.time,
        nonce: Callable[[], str] = lambda: secrets.token_hex(16),
    ) -> None:
        self._config = config
        # oauthlib's holder of the two secrets its HMAC takes (it signs nothing by itself here).
        self._secrets = Client(
            config.consumer_key,
            client_secret=config.consumer_secret,
            resource_owner_key=config.token_id,
            resource_owner_secret=config.token_secret,
        )
        self._clock = clock
        self._nonce = nonce

    def authorization(self, method: str, url: str) -> str:
        """The Authorization header for `method url` (the full URL, query included)."""
        config = self._config
        oauth = [
            ("oauth_consumer_key", config.consumer_key),
            ("oauth_token", config.token_id),
            ("oauth_signature_method", SIGNATURE_METHOD),
            ("oauth_timestamp", str(int(self._clock()))),
            ("oauth_nonce", self._nonce()),
            ("oauth_version", "1.0"),
        ]
        text = base_string(method, url, oauth)
        signed = signature.sign_hmac_sha256_with_client(text, self._secrets)
        oauth.append(("oauth_signature", signed))
        headers = parameters.prepare_headers(oauth, realm=config.realm)
        return headers["Authorization"]
