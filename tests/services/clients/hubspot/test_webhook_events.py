"""A webhook body is read as pokes: which ticket each event is about, and a key to apply it once."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from services.clients.hubspot.webhook_events import NotTicketEvents, parse_ticket_events

CREATED = {
    "eventId": 1734412810,
    "subscriptionId": 2417856,
    "portalId": 62515,
    "appId": 54321,
    "occurredAt": 1796652000000,
    "subscriptionType": "ticket.creation",
    "attemptNumber": 0,
    "objectId": 4011,
    "changeFlag": "CREATED",
    "changeSource": "EMAIL",
}
STAGE = CREATED | {
    "eventId": 1734412811,
    "subscriptionType": "ticket.propertyChange",
    "propertyName": "hs_pipeline_stage",
    "propertyValue": "3",
    "changeSource": "CRM_UI",
}


def body(*events: dict) -> bytes:
    return json.dumps(list(events)).encode()


def test_each_ticket_event_names_its_ticket_kind_and_time():
    created, moved = parse_ticket_events(body(CREATED, STAGE))

    assert (created.kind, created.ticket_id) == ("creation", "4011")
    assert created.occurred_at == datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
    assert (moved.kind, moved.property_name) == ("propertyChange", "hs_pipeline_stage")


def test_a_retry_of_an_event_has_the_same_key_and_another_event_another():
    first, other = parse_ticket_events(body(CREATED, STAGE))
    [retry] = parse_ticket_events(body(CREATED | {"attemptNumber": 3}))

    assert retry.key == first.key != other.key


def test_a_generic_subscription_on_tickets_counts_and_on_contacts_does_not():
    generic = CREATED | {"subscriptionType": "object.creation", "objectTypeId": "0-5"}
    contact = CREATED | {"subscriptionType": "object.creation", "objectTypeId": "0-1"}

    assert [e.ticket_id for e in parse_ticket_events(body(generic, contact))] == ["4011"]


def test_an_association_or_a_merge_pokes_the_ticket_side():
    linked = CREATED | {
        "subscriptionType": "ticket.associationChange",
        "associationType": "CONTACT_TO_TICKET",
        "fromObjectId": 901,
        "toObjectId": 4011,
    }
    merged = CREATED | {
        "subscriptionType": "ticket.merge",
        "primaryObjectId": 4012,
        "mergedObjectIds": [4011],
    }

    assert [e.ticket_id for e in parse_ticket_events(body(linked, merged))] == ["4011", "4012"]


@pytest.mark.parametrize(
    "change",
    [
        {"subscriptionType": "contact.creation"},
        {"subscriptionType": "deal.propertyChange"},
        {"objectId": "not-a-number"},
        {"objectId": 0},
        {"objectId": True},
        {"eventId": None},
        {"occurredAt": "yesterday"},
    ],
)
def test_events_about_something_else_or_malformed_are_left_out(change):
    assert parse_ticket_events(body(CREATED | change, STAGE))[0].kind == "propertyChange"


@pytest.mark.parametrize("raw", [b"", b"{not json", b'{"eventId": 1}', body(*[CREATED] * 101)])
def test_a_body_that_is_no_batch_of_events_is_refused(raw):
    with pytest.raises(NotTicketEvents):
        parse_ticket_events(raw)
