"""Only a fresh request signed (v3) with the app's client secret passes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest

from services.clients.hubspot.webhook_signature import (
    SIGNATURE,
    SIGNATURE_V1,
    TIMESTAMP,
    VERSION,
    BadSignature,
    sign,
    sign_v1,
    signed_uri,
    stamp,
    verify,
)

SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy"  # the client secret of HubSpot's own examples
URI = "https://desk.kinetic.example/api/webhooks/hubspot"
NOW = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
BODY = json.dumps(
    [
        {
            "eventId": 1734412810,
            "subscriptionId": 2417856,
            "portalId": 62515,
            "appId": 54321,
            "occurredAt": 1796652000000,
            "subscriptionType": "ticket.propertyChange",
            "attemptNumber": 0,
            "objectId": 4011,
            "propertyName": "hs_pipeline_stage",
            "propertyValue": "3",
            "changeSource": "CRM_UI",
        }
    ]
).encode()


def signed(at: datetime = NOW, secret: str = SECRET, uri: str = URI, body: bytes = BODY):
    """The headers HubSpot sends with a request signed at `at`."""
    return {SIGNATURE: sign(secret, "POST", uri, body, stamp(at)), TIMESTAMP: stamp(at)}


def test_hubspots_own_v3_example_signs_as_its_sdk_says():
    # The values of HubSpot's Python SDK's signature test (hubspot-api-python).
    body = b"{'example_field':'example_value'}"
    signature = sign(SECRET, "POST", "https://www.example.com/webhook_uri", body, "15000000")
    assert signature == "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw="


def test_hubspots_documented_v1_example_gives_its_hash():
    # developers.hubspot.com, "v1 request validation": the example request body and hash.
    body = (
        b'[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,'
        b'"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,'
        b'"changeSource":"CRM","changeFlag":"NEW","appId":54321}]'
    )
    expected = "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de"
    assert sign_v1(SECRET, body) == expected


def test_a_fresh_request_signed_with_the_client_secret_passes():
    verify(signed(NOW - timedelta(seconds=40)), "POST", URI, BODY, SECRET, NOW)


def test_the_signature_is_base64_hmac_sha256_of_method_uri_body_and_timestamp():
    # Computed here by the documented recipe, independently of sign().
    at = "1796652000123"
    source = b"POST" + URI.encode() + BODY + at.encode()
    expected = base64.b64encode(hmac.new(SECRET.encode(), source, hashlib.sha256).digest())
    verify({SIGNATURE: expected.decode(), TIMESTAMP: at}, "POST", URI, BODY, SECRET, NOW)


def test_the_uri_is_signed_with_hubspots_escapes_decoded_and_others_kept():
    assert (
        signed_uri("https://h.example/hook?a=b%3Ac%2Fd%40e%2a")
        == "https://h.example/hook?a=b:c/d@e*"
    )
    assert signed_uri("https://h.example/hook?q=a%20b%26c") == "https://h.example/hook?q=a%20b%26c"
    escaped = URI + "?portal=62515%2C62516"
    headers = signed(uri=URI + "?portal=62515,62516")
    verify(headers, "POST", escaped, BODY, SECRET, NOW)


def test_header_names_are_matched_whatever_their_case():
    headers = {name.lower(): value for name, value in signed().items()}
    verify(headers, "POST", URI, BODY, SECRET, NOW)


@pytest.mark.parametrize(
    ("method", "uri", "body", "secret"),
    [
        ("POST", URI, BODY.replace(b'"3"', b'"4"'), SECRET),  # the stage changed in transit
        ("POST", URI.replace("desk.", "evil."), BODY, SECRET),  # signed for another endpoint
        ("PUT", URI, BODY, SECRET),
        ("POST", URI, BODY, "someone-elses-secret"),
    ],
)
def test_anything_changed_from_what_was_signed_is_refused(method, uri, body, secret):
    with pytest.raises(BadSignature, match="forged"):
        verify(signed(), method, uri, body, secret, NOW)


def test_a_moved_timestamp_breaks_the_signature():
    headers = signed(NOW - timedelta(hours=1))
    headers[TIMESTAMP] = stamp(NOW)
    with pytest.raises(BadSignature, match="forged"):
        verify(headers, "POST", URI, BODY, SECRET, NOW)


@pytest.mark.parametrize("age", [timedelta(minutes=5, seconds=1), timedelta(minutes=-6)])
def test_a_request_over_five_minutes_old_or_ahead_is_refused(age):
    with pytest.raises(BadSignature, match="stale"):
        verify(signed(NOW - age), "POST", URI, BODY, SECRET, NOW)


@pytest.mark.parametrize("missing", [SIGNATURE, TIMESTAMP])
def test_a_missing_header_is_refused(missing):
    headers = signed()
    del headers[missing]
    with pytest.raises(BadSignature, match="unsigned"):
        verify(headers, "POST", URI, BODY, SECRET, NOW)


def test_a_valid_v1_signature_alone_is_not_enough():
    # v1 carries no timestamp: a captured request would pass for ever.
    headers = {SIGNATURE_V1: sign_v1(SECRET, BODY), VERSION: "v1"}
    with pytest.raises(BadSignature, match="unsigned"):
        verify(headers, "POST", URI, BODY, SECRET, NOW)


@pytest.mark.parametrize("timestamp", ["yesterday", "1.7e12", "9" * 40, "-1"])
def test_a_timestamp_that_is_not_unix_milliseconds_is_refused(timestamp):
    headers = {SIGNATURE: sign(SECRET, "POST", URI, BODY, timestamp), TIMESTAMP: timestamp}
    with pytest.raises(BadSignature, match="milliseconds"):
        verify(headers, "POST", URI, BODY, SECRET, NOW)
