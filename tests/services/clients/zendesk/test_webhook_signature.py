"""Only a fresh request signed with our secret passes; the event it carries is read as a poke."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest

from services.clients.zendesk.webhook_events import NotATicketEvent, parse_ticket_event
from services.clients.zendesk.webhook_signature import (
    SIGNATURE,
    TIMESTAMP,
    BadSignature,
    sign,
    verify,
)

SECRET = "dGhpcyBpcyBhIHNpZ25pbmcgc2VjcmV0"
NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
BODY = json.dumps(
    {
        "type": "zen:event-type:ticket.comment_added",
        "account_id": 9242270,
        "id": "01JEXAMPLE-COMMENT",
        "time": "2026-12-05T09:29:58Z",
        "zendesk_event_version": "2022-11-06",
        "subject": "zen:ticket:4711",
        "detail": {"id": "4711", "status": "OPEN", "via": {"channel": "email"}},
        "event": {"comment": {"id": "900", "is_public": True}},
    }
).encode()


def signed(body: bytes = BODY, at: datetime = NOW, secret: str = SECRET) -> dict[str, str]:
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {SIGNATURE: sign(secret, stamp, body), TIMESTAMP: stamp}


def test_a_fresh_request_signed_with_our_secret_passes():
    verify(signed(at=NOW - timedelta(seconds=20)), BODY, SECRET, NOW)


def test_the_signature_is_base64_hmac_sha256_of_timestamp_then_body():
    # Computed here by the documented recipe, independently of sign().
    stamp = "2026-12-05T09:30:00Z"
    expected = base64.b64encode(
        hmac.new(SECRET.encode(), stamp.encode() + BODY, hashlib.sha256).digest()
    ).decode()
    verify({SIGNATURE: expected, TIMESTAMP: stamp}, BODY, SECRET, NOW)


def test_header_names_are_matched_whatever_their_case():
    headers = {name.lower(): value for name, value in signed().items()}
    verify(headers, BODY, SECRET, NOW)


def test_a_forged_body_is_refused():
    headers = signed()
    forged = BODY.replace(b"4711", b"4712")
    with pytest.raises(BadSignature, match="forged"):
        verify(headers, forged, SECRET, NOW)


def test_a_request_signed_with_another_secret_is_refused():
    with pytest.raises(BadSignature, match="forged"):
        verify(signed(secret="someone-elses-secret"), BODY, SECRET, NOW)


def test_a_moved_timestamp_breaks_the_signature():
    headers = signed(at=NOW - timedelta(hours=1))
    headers[TIMESTAMP] = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
    with pytest.raises(BadSignature, match="forged"):
        verify(headers, BODY, SECRET, NOW)


@pytest.mark.parametrize("age", [timedelta(minutes=6), timedelta(minutes=-6), timedelta(days=2)])
def test_a_stale_or_future_signature_is_refused(age):
    with pytest.raises(BadSignature, match="stale"):
        verify(signed(at=NOW - age), BODY, SECRET, NOW)


@pytest.mark.parametrize("missing", [SIGNATURE, TIMESTAMP])
def test_a_missing_header_is_refused(missing):
    headers = signed()
    del headers[missing]
    with pytest.raises(BadSignature, match="unsigned"):
        verify(headers, BODY, SECRET, NOW)


def test_a_timestamp_that_is_not_a_time_is_refused():
    headers = {SIGNATURE: sign(SECRET, "yesterday", BODY), TIMESTAMP: "yesterday"}
    with pytest.raises(BadSignature, match="ISO 8601"):
        verify(headers, BODY, SECRET, NOW)


def test_a_ticket_event_names_its_id_type_and_ticket():
    event = parse_ticket_event(BODY)
    assert (event.id, event.type, event.ticket_id) == (
        "01JEXAMPLE-COMMENT",
        "zen:event-type:ticket.comment_added",
        4711,
    )


def test_the_ticket_comes_from_the_subject_when_detail_has_no_id():
    envelope = json.loads(BODY)
    envelope["detail"] = {}
    envelope["subject"] = "zen:ticket:35436"
    assert parse_ticket_event(json.dumps(envelope).encode()).ticket_id == 35436


@pytest.mark.parametrize(
    "change",
    [
        {"type": "zen:event-type:user.created"},
        {"id": None},
        {"id": "x" * 500},
        {"detail": {"id": "not-a-number"}, "subject": "zen:user:1"},
    ],
)
def test_what_is_not_a_usable_ticket_event_is_refused(change):
    envelope = {**json.loads(BODY), **change}
    with pytest.raises(NotATicketEvent):
        parse_ticket_event(json.dumps(envelope).encode())


@pytest.mark.parametrize("body", [b"", b"[1, 2]", b"{not json"])
def test_a_body_that_is_no_envelope_is_refused(body):
    with pytest.raises(NotATicketEvent):
        parse_ticket_event(body)
