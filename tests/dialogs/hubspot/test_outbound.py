"""Teams -> HubSpot: the Kinetic desk's tickets, notes and status moves reach HubSpot's
ticket, in order, once, whatever HubSpot answers meanwhile."""

from __future__ import annotations

from bot.keys import HUBSPOT_SYNC_WORKER, SERVICES
from cards.intake import SUBMIT_VERB
from cards.ticket import ADD_NOTE, SET_STATUS
from services.sync import SyncQueue
from tests.harness.desk import Chat, Desk
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.hubspot_desk import (
    COMPANY,
    CONTACT,
    Account,
    deliver,
    hubspot_ticket,
    linked,
    notes_on,
)
from tests.harness.intake import form_id
from tests.harness.sync import Clock

ASSIGNED = "Sam assigned it to Sam: the specialist owns it"
ANSWERS = {
    "description": "Approval node never completes.\nSince the 6.1 upgrade.",
    "installation_type": "kinops",
    "environment": "test",
    "application": "Kinetic Request CE",
    "category": "problem",
    "type": "workflow",
    "company": COMPANY,
    "contact_email": CONTACT,
}


async def _files(desk: Desk, **changed: str) -> Chat:
    sam = desk.user("Sam", "sam@kineticdata.example")
    form = (await sam.says("new ticket")).last
    await sam.executes(form, SUBMIT_VERB, form_id=form_id(form.card), **(ANSWERS | changed))
    return sam


async def _assigned(desk: Desk) -> Chat:
    sam = await _files(desk)
    answer = await sam.says("assign KD-1001 sam the specialist owns it")
    assert "assigned" in " ".join(answer.texts).lower(), answer.texts
    return sam


async def test_intake_files_a_hubspot_ticket_in_the_pipeline_with_its_answers_and_customer(
    desk: Desk, hubspot: FakeHubSpot, account: Account
):
    await _files(desk)
    assert hubspot.calls("POST", "/crm/v3/objects/tickets") == []  # the card did not wait on it

    await deliver(desk)

    filed = hubspot_ticket(hubspot, "KD-1001")
    values = filed["properties"]
    assert (values["hs_pipeline"], values["hs_pipeline_stage"]) == ("0", "1")
    assert values["subject"] == "Approval node never completes."
    assert values["content"] == ANSWERS["description"]
    assert values["hs_ticket_priority"] == "MEDIUM"
    assert {name: values[name] for name in ("installation_type", "environment", "application")} == {
        "installation_type": "kinops",
        "environment": "test",
        "application": "Kinetic Request CE",
    }
    assert (values["type"], values["hs_ticket_category"]) == ("workflow", "PRODUCT_ISSUE")
    assert linked(hubspot, filed["id"], "contacts") == {account.contact: [16]}
    assert linked(hubspot, filed["id"], "companies") == {account.company: [26, 339]}
    ticket = await desk.app[SERVICES].tickets.get("KD-1001")
    assert ticket.external_id == filed["id"]


async def test_production_files_urgent(desk: Desk, hubspot: FakeHubSpot, account: Account):
    await _files(desk, environment="production")
    await deliver(desk)
    values = hubspot_ticket(hubspot, "KD-1001")["properties"]
    assert (values["environment"], values["hs_ticket_priority"]) == ("production", "URGENT")


async def test_assignment_moves_the_stage_and_makes_the_specialist_owner(
    desk: Desk, hubspot: FakeHubSpot, account: Account
):
    await _assigned(desk)
    await deliver(desk)
    values = hubspot_ticket(hubspot, "KD-1001")["properties"]
    assert values["hs_pipeline_stage"] == "180533101"  # With the specialist
    assert values["hubspot_owner_id"] == account.owners["sam"]


async def test_notes_become_hubspot_notes_on_the_ticket(
    desk: Desk, hubspot: FakeHubSpot, account: Account
):
    sam = await _assigned(desk)
    await sam.says("note KD-1001 Asked for the workflow's run log")
    card = (await sam.says("ticket KD-1001")).last
    await sam.executes(
        card, ADD_NOTE, number="KD-1001", body="We are reproducing it <today>.", public="true"
    )
    await deliver(desk)

    filed = hubspot_ticket(hubspot, "KD-1001")
    assert notes_on(hubspot, filed["id"]) == [
        ASSIGNED,
        "Sam added a note: Asked for the workflow&#x27;s run log",
        "Sam added a customer-visible note: We are reproducing it &lt;today&gt;.",
    ]
    note = hubspot.calls("POST", "/crm/v3/objects/notes")[0].body
    assert note["associations"] == [
        {
            "to": {"id": filed["id"]},
            "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 228}],
        }
    ]


async def test_a_status_change_moves_the_stage_with_its_reason_as_a_note(
    desk: Desk, hubspot: FakeHubSpot, account: Account
):
    sam = await _assigned(desk)
    card = (await sam.says("ticket KD-1001")).last
    await sam.executes(
        card, SET_STATUS, number="KD-1001", status="waiting_on_contact", status_note="Log asked"
    )
    await deliver(desk)

    filed = hubspot_ticket(hubspot, "KD-1001")
    assert filed["properties"]["hs_pipeline_stage"] == "2"  # Waiting on contact
    assert notes_on(hubspot, filed["id"]) == [
        ASSIGNED,
        "Sam set it to Waiting on contact: Log asked",
    ]


async def test_while_hubspot_is_down_nothing_is_lost_and_it_all_goes_once_it_is_back(
    desk: Desk, hubspot: FakeHubSpot, account: Account, clock: Clock
):
    hubspot.down = True
    sam = await _assigned(desk)
    for n in range(1, 4):
        clock.advance(5 * 60)
        await sam.says(f"note KD-1001 Step {n}")
    for _ in range(3):
        clock.advance(await _pump(desk) + 1)
    assert hubspot.store.live("tickets") == [] and hubspot.answered(503)
    waiting = (await SyncQueue(desk.app[SERVICES].db).stats())["hubspot"]
    assert (waiting.depth, waiting.dead) == (5, 0)  # filing, assignment, three notes

    hubspot.down = False
    await deliver(desk, clock)

    filed = hubspot_ticket(hubspot, "KD-1001")  # exactly one
    assert filed["properties"]["hs_pipeline_stage"] == "180533101"
    assert notes_on(hubspot, filed["id"]) == [
        ASSIGNED,
        *(f"Sam added a note: Step {n}" for n in (1, 2, 3)),
    ]


async def test_a_storm_of_429s_loses_nothing_and_repeats_nothing(
    desk: Desk, hubspot: FakeHubSpot, account: Account, clock: Clock
):
    sam = await _files(desk)
    await deliver(desk, clock)
    await sam.says("assign KD-1001 sam the specialist owns it")
    for n in range(1, 4):
        await sam.says(f"note KD-1001 Step {n}")
    # The next eight requests are refused for the ten-secondly limit (Retry-After 10 ms): each
    # one pauses the worker, and what it was sending goes again afterwards.
    hubspot.storm(8, retry_after=0.01)

    await deliver(desk, clock)

    filed = hubspot_ticket(hubspot, "KD-1001")
    assert notes_on(hubspot, filed["id"]) == [
        ASSIGNED,
        *(f"Sam added a note: Step {n}" for n in (1, 2, 3)),
    ]
    assert filed["properties"]["hubspot_owner_id"] == account.owners["sam"]
    assert len(hubspot.answered(429)) == 8


async def test_a_create_whose_answer_was_lost_files_one_ticket(
    desk: Desk, hubspot: FakeHubSpot, account: Account
):
    await _files(desk)
    hubspot.lose_answers(1, "/crm/v3/objects/tickets")  # HubSpot files it; the answer is lost

    await deliver(desk)

    assert len(hubspot.store.live("tickets")) == 1
    assert [r.status for r in hubspot.calls("POST", "/crm/v3/objects/tickets")] == [504]
    ticket = await desk.app[SERVICES].tickets.get("KD-1001")
    assert ticket.external_id == hubspot_ticket(hubspot, "KD-1001")["id"]


async def test_a_change_hubspot_refuses_is_told_to_whoever_made_it(
    desk: Desk, hubspot: FakeHubSpot, account: Account
):
    sam = await _assigned(desk)
    await deliver(desk)
    stages = hubspot.store.ticket_schema.pipelines["0"][1]
    stages[:] = [s for s in stages if s[0] != "3"]  # an admin deleted "Waiting on us" meanwhile
    card = (await sam.says("ticket KD-1001")).last
    await sam.executes(card, SET_STATUS, number="KD-1001", status="waiting_on_us")

    mark = len(desk.connector.sent)
    await deliver(desk)

    told = [s.text for s in desk.connector.since(mark) if s.text]
    assert told == [
        "HubSpot refused the update to KD-1001: Property values were not valid: "
        "3 is not a valid pipeline stage of pipeline 0"
    ]
    assert hubspot_ticket(hubspot, "KD-1001")["properties"]["hs_pipeline_stage"] == "180533101"


async def _pump(desk: Desk) -> float:
    """One round of the HubSpot worker; the seconds until it would look again."""
    return await desk.app[HUBSPOT_SYNC_WORKER].pump()
