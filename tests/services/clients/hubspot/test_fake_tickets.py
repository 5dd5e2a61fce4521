"""The fake's tickets and notes answer as HubSpot documents them, asked directly (no client):
so that a sender test passing against it means something."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest

from tests.harness.fake_hubspot import API_TOKEN, FakeHubSpot
from tests.harness.hubspot_world import World

TICKETS = "/crm/v3/objects/tickets"
LATER = datetime(2030, 1, 1, tzinfo=UTC)
NEW = {"subject": "Approval node never completes", "hs_pipeline_stage": "1"}


@pytest.fixture
async def raw(hubspot):
    """Plain HTTP to the fake, with the account's token."""
    headers = {"Authorization": f"Bearer {API_TOKEN}"}
    async with httpx.AsyncClient(base_url=hubspot.url, headers=headers) as http:
        yield http


def _contact(type_id: int, to_id: str) -> list[dict]:
    kind = {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": type_id}
    return [{"to": {"id": to_id}, "types": [kind]}]


async def test_a_new_ticket_is_201_with_hubspots_fields_in_the_default_pipeline(raw):
    answer = await raw.post(TICKETS, json={"properties": NEW})

    body = answer.json()
    assert answer.status_code == 201
    assert set(body) == {"id", "properties", "createdAt", "updatedAt", "archived"}
    assert body["properties"]["hs_pipeline"] == "0"
    assert body["properties"]["hs_object_id"] == body["id"]
    assert all(isinstance(v, str) for v in body["properties"].values() if v is not None)


@pytest.mark.parametrize(
    ("properties", "words"),
    [
        ({"hs_ticket_priority": 3}, "must be a string"),
        ({"subject": ""}, "subject is required"),
        ({"hs_pipeline_stage": ""}, "hs_pipeline_stage is required"),
        ({"createdate": "2026-01-01"}, "read only"),
    ],
)
async def test_a_ticket_hubspot_would_refuse_gets_400(raw, properties, words):
    answer = await raw.post(TICKETS, json={"properties": NEW | properties})

    assert answer.status_code == 400
    assert answer.json()["category"] == "VALIDATION_ERROR"
    assert words in answer.json()["message"]


async def test_an_unknown_property_is_named_as_hubspot_names_it(raw):
    answer = await raw.post(TICKETS, json={"properties": NEW | {"colour": "red"}})

    head, _, listed = answer.json()["message"].partition(": ")
    assert (answer.status_code, head) == (400, "Property values were not valid")
    [item] = json.loads(listed)
    assert (item["isValid"], item["error"], item["name"]) == (
        False,
        "PROPERTY_DOESNT_EXIST",
        "colour",
    )
    assert item["message"] == 'Property "colour" does not exist'


async def test_a_stage_of_another_pipeline_is_refused(raw, hubspot: FakeHubSpot):
    hubspot.store.ticket_schema.pipelines["77"] = ("Onboarding", [("770", "Kick-off", "OPEN")])

    wrong = await raw.post(TICKETS, json={"properties": NEW | {"hs_pipeline_stage": "770"}})
    right = await raw.post(
        TICKETS, json={"properties": NEW | {"hs_pipeline": "77", "hs_pipeline_stage": "770"}}
    )

    assert [wrong.status_code, right.status_code] == [400, 201]
    assert '"error": "INVALID_OPTION", "name": "hs_pipeline_stage"' in wrong.json()["message"]


async def test_an_association_must_go_from_a_ticket_to_a_record_it_has(raw, world: World):
    wrong_way = await raw.post(
        TICKETS, json={"properties": NEW, "associations": _contact(15, world.sam)}
    )
    no_such = await raw.post(TICKETS, json={"properties": NEW, "associations": _contact(16, "9")})
    made = await raw.post(
        TICKETS, json={"properties": NEW, "associations": _contact(16, world.sam)}
    )

    assert [wrong_way.status_code, no_such.status_code, made.status_code] == [400, 400, 201]
    ticket_id = made.json()["id"]
    linked = await raw.get(f"/crm/v4/objects/tickets/{ticket_id}/associations/contacts")
    assert linked.json()["results"] == [
        {
            "toObjectId": int(world.sam),
            "associationTypes": [{"category": "HUBSPOT_DEFINED", "typeId": 16, "label": None}],
        }
    ]


async def test_a_change_moves_hs_lastmodifieddate_and_a_missing_ticket_is_404(
    raw, hubspot: FakeHubSpot
):
    ticket_id = (await raw.post(TICKETS, json={"properties": NEW})).json()["id"]
    before = hubspot.store.records["tickets"][ticket_id]["properties"]["hs_lastmodifieddate"]
    hubspot.store.clock = lambda: LATER

    changed = await raw.patch(f"{TICKETS}/{ticket_id}", json={"properties": {"subject": "New"}})
    missing = await raw.patch(f"{TICKETS}/999", json={"properties": {"subject": "New"}})
    not_json = await raw.patch(f"{TICKETS}/{ticket_id}", content=b"subject=New")

    after = changed.json()["properties"]["hs_lastmodifieddate"]
    assert (changed.status_code, after != before, after) == (200, True, "2030-01-01T00:00:00.000Z")
    assert (missing.status_code, missing.json()["category"]) == (404, "OBJECT_NOT_FOUND")
    assert not_json.status_code == 400


async def test_a_note_needs_its_timestamp_and_known_properties(raw):
    ticket_id = (await raw.post(TICKETS, json={"properties": NEW})).json()["id"]
    to_ticket = _contact(228, ticket_id)

    untimed = await raw.post(
        "/crm/v3/objects/notes",
        json={"properties": {"hs_note_body": "x"}, "associations": to_ticket},
    )
    unknown = await raw.post(
        "/crm/v3/objects/notes",
        json={"properties": {"hs_timestamp": "2026-11-30T15:00:00Z", "body": "x"}},
    )
    noted = await raw.post(
        "/crm/v3/objects/notes",
        json={
            "properties": {"hs_timestamp": "2026-11-30T15:00:00Z", "hs_note_body": "x"},
            "associations": to_ticket,
        },
    )

    assert [untimed.status_code, unknown.status_code, noted.status_code] == [400, 400, 201]
    notes = await raw.get(f"/crm/v4/objects/tickets/{ticket_id}/associations/notes")
    assert [n["toObjectId"] for n in notes.json()["results"]] == [int(noted.json()["id"])]


async def test_ticket_pipelines_list_their_stages_with_their_ticket_state(raw):
    answer = (await raw.get("/crm/v3/pipelines/tickets")).json()

    [pipeline] = answer["results"]
    assert (pipeline["id"], pipeline["label"]) == ("0", "Support Pipeline")
    assert [(s["id"], s["metadata"]["ticketState"]) for s in pipeline["stages"]] == [
        ("1", "OPEN"), ("2", "OPEN"), ("3", "OPEN"), ("4", "CLOSED"),
    ]  # fmt: skip


async def test_tickets_changed_since_a_moment_are_found_by_hs_lastmodifieddate(
    raw, hubspot: FakeHubSpot
):
    old = (await raw.post(TICKETS, json={"properties": NEW})).json()["id"]
    hubspot.store.clock = lambda: LATER
    new = (await raw.post(TICKETS, json={"properties": NEW})).json()["id"]
    since = {"propertyName": "hs_lastmodifieddate", "operator": "GTE"}

    async def changed_since(value: str) -> list[str]:
        body = {"filterGroups": [{"filters": [since | {"value": value}]}]}
        found = await raw.post(f"{TICKETS}/search", json=body)
        return [t["id"] for t in found.json()["results"]]

    cutoff = int(LATER.timestamp() * 1000)
    assert await changed_since(str(cutoff)) == [new]  # Unix milliseconds, as HubSpot takes it
    assert await changed_since("2030-01-01T00:00:00Z") == [new]  # or ISO 8601
    await raw.patch(f"{TICKETS}/{old}", json={"properties": {"subject": "Later"}})
    assert await changed_since(str(cutoff)) == [old, new]
