"""The tickets client against the fake: filing with associations, moving a stage, notes, the
search by the bot's number, owners by e-mail, and HubSpot's refusals in words."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from services.clients.hubspot import HubSpotClient, HubSpotRateLimited, HubSpotRejected
from services.clients.hubspot.tickets import TICKET_TO_CONTACT, TICKET_TO_PRIMARY_COMPANY, Link
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.hubspot_world import World

AT = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
NEW = {
    "subject": "Approval node never completes",
    "content": "Since the 6.1 upgrade.",
    "hs_pipeline": "0",
    "hs_pipeline_stage": "1",
    "hs_ticket_priority": "HIGH",
}


@pytest.fixture
def numbered(hubspot: FakeHubSpot) -> FakeHubSpot:
    """The fake with the custom property holding the bot's number."""
    hubspot.store.ticket_schema.add_property("support_desk_number")
    return hubspot


async def test_a_ticket_is_filed_with_its_contact_and_primary_company(
    client: HubSpotClient, numbered: FakeHubSpot, world: World
):
    links = [Link(world.sam, TICKET_TO_CONTACT), Link(world.acme, TICKET_TO_PRIMARY_COMPANY)]

    filed = await client.tickets.create(NEW | {"support_desk_number": "KD-1001"}, links)

    stored = numbered.store.records["tickets"][filed.id]
    assert stored["properties"]["hs_pipeline_stage"] == "1"
    assert filed.get("support_desk_number") == "KD-1001"
    contacts = numbered.store.links[("tickets", filed.id, "contacts")]
    companies = numbered.store.links[("tickets", filed.id, "companies")]
    assert [t["typeId"] for t in contacts[world.sam]] == [16]
    assert sorted(t["typeId"] for t in companies[world.acme]) == [26, 339]
    # Both ways, as HubSpot keeps them: the company lists the ticket as its primary company's.
    back = numbered.store.links[("companies", world.acme, "tickets")][filed.id]
    assert sorted(t["typeId"] for t in back) == [25, 340]


async def test_a_ticket_is_found_again_by_the_bots_number(
    client: HubSpotClient, numbered: FakeHubSpot
):
    filed = await client.tickets.create(NEW | {"support_desk_number": "KD-1001"}, [])
    await client.tickets.create(NEW | {"support_desk_number": "KD-1002"}, [])

    found = await client.tickets.numbered("support_desk_number", "KD-1001")

    assert [t.id for t in found] == [filed.id]
    assert await client.tickets.numbered("support_desk_number", "KD-9999") == []


async def test_a_stage_move_is_a_patch_and_hubspot_dates_it(
    client: HubSpotClient, hubspot: FakeHubSpot
):
    filed = await client.tickets.create(NEW, [])
    hubspot.store.clock = lambda: datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    moved = await client.tickets.update(filed.id, {"hs_pipeline_stage": "4"})

    assert moved.get("hs_pipeline_stage") == "4"
    read = await client.tickets.read(filed.id, ("hs_pipeline_stage", "closed_date"))
    assert read is not None and read.get("closed_date") == "2026-12-01T09:00:00.000Z"
    assert read.get("hs_lastmodifieddate") == "2026-12-01T09:00:00.000Z"
    assert hubspot.calls("PATCH", f"/crm/v3/objects/tickets/{filed.id}")[0].body == {
        "properties": {"hs_pipeline_stage": "4"}
    }


async def test_notes_are_dated_associated_and_read_back(client: HubSpotClient):
    filed = await client.tickets.create(NEW, [])

    await client.tickets.add_note(filed.id, "Sam added a note: log asked", AT)
    await client.tickets.add_note(filed.id, "Sam added a note: log read", AT)

    bodies = await client.tickets.note_bodies(filed.id)
    assert bodies == {"Sam added a note: log asked", "Sam added a note: log read"}


async def test_owners_are_found_by_e_mail(client: HubSpotClient, world: World):
    owner = await client.ticket_setup.owner_by_email("dana.whitfield@bestpack.example")
    assert owner is not None and owner.id == world.dana
    assert await client.ticket_setup.owner_by_email("nobody@bestpack.example") is None


async def test_the_pipelines_and_properties_are_read_for_the_start_up_check(
    client: HubSpotClient,
):
    [pipeline] = await client.ticket_setup.pipelines()
    properties = await client.ticket_setup.properties()

    assert [(s.id, s.metadata["ticketState"]) for s in pipeline.stages][-1] == ("4", "CLOSED")
    assert properties["hs_ticket_priority"].choices == {"LOW", "MEDIUM", "HIGH", "URGENT"}
    assert properties["subject"].choices is None
    assert properties["createdate"].read_only


@pytest.mark.parametrize(
    ("changed", "words"),
    [
        ({"kinetic_type": "workflow"}, 'Property "kinetic_type" does not exist'),
        (
            {"hs_ticket_priority": "SOON"},
            "SOON was not one of the allowed options: [LOW, MEDIUM, HIGH, URGENT]",
        ),
        ({"hs_pipeline_stage": "99"}, "99 is not a valid pipeline stage of pipeline 0"),
    ],
)
async def test_a_value_hubspot_refuses_is_said_in_its_words(
    client: HubSpotClient, changed: dict, words: str
):
    with pytest.raises(HubSpotRejected) as refused:
        await client.tickets.create(NEW | changed, [])

    assert (refused.value.status, refused.value.category) == (400, "VALIDATION_ERROR")
    assert refused.value.reason.startswith(f"Property values were not valid: {words}")


async def test_a_ten_secondly_429_comes_straight_back_to_the_caller(
    client: HubSpotClient, hubspot: FakeHubSpot
):
    hubspot.storm(1, retry_after=None)  # HubSpot's interval header says ten seconds (0.3 here)

    with pytest.raises(HubSpotRateLimited) as limited:
        await client.tickets.create(NEW, [])

    assert (limited.value.policy, limited.value.retry_after) == ("TEN_SECONDLY_ROLLING", 0.3)
    assert len(hubspot.calls("POST", "/crm/v3/objects/tickets")) == 1


async def test_a_note_is_dated_in_utc_as_hubspot_takes_it(
    client: HubSpotClient, hubspot: FakeHubSpot
):
    filed = await client.tickets.create(NEW, [])
    chicago = AT.astimezone(ZoneInfo("America/Chicago"))

    await client.tickets.add_note(filed.id, "Sam added a note: log asked", chicago)

    [sent] = hubspot.calls("POST", "/crm/v3/objects/notes")
    assert sent.body["properties"]["hs_timestamp"] == "2026-11-30T15:00:00.000Z"
