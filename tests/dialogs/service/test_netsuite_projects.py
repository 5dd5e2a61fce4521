"""Process 6 with NetSuite keeping the projects: the card never waits on NetSuite, the project is
made there once whatever NetSuite answers, and every card shows its number when it comes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from cards.service import APPROVE
from services.tickets import TicketDraft
from tests.harness.cards import facts, texts
from tests.harness.desk import Desk
from tests.harness.fake_netsuite import FakeNetSuite
from tests.harness.netsuite import add_customer
from tests.harness.service import BILLABLE_IN_TEXAS, request_service
from tests.harness.service_netsuite import (
    JOBS,
    UPSERT,
    delivered,
    jobs,
    make_projects,
    netsuite_desk,
    updates_of,
)
from tests.harness.sync import Clock
from tests.harness.tickets import MONDAY_9AM, personal_chat, replied_card, services

BEING_CREATED = "being created in NetSuite"
NON_BILLABLE_IN_PA = {
    **BILLABLE_IN_TEXAS,
    "site": "Keystone Crisps, Hershey",
    "site_state": "pa",  # PLC Paramedics go: Mary is given the message to send them
    "billing": "non_billable",
    "billing_reason": "Installed in October, under warranty",
    "scope": "Replace the sealing jaw heater",
}


@pytest.fixture
async def netsuite() -> AsyncIterator[FakeNetSuite]:
    """The fake NetSuite, listening."""
    fake = FakeNetSuite()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def clock() -> Clock:
    """The app's clock, Monday 9 AM, moved by the worker's rounds."""
    return Clock(MONDAY_9AM)


@pytest.fixture
async def desk(settings, connector, netsuite, clock) -> AsyncIterator[Desk]:
    """The production desk with NetSuite keeping the service projects."""
    async with netsuite_desk(settings, connector, netsuite, clock) as running:
        yield running


async def people(desk: Desk):
    """Mary, Jordan and Allison, each with the app."""
    found = desk.user("Mary"), desk.user("Jordan"), desk.user("Allison")
    for person in found:
        await person.installs_the_app()
    return found


async def test_a_billable_request_shows_its_netsuite_number_once_netsuite_made_it(
    desk: Desk, netsuite: FakeNetSuite, clock: Clock
):
    mary, jordan, _ = await people(desk)
    form, answer = await request_service(mary, BILLABLE_IN_TEXAS)

    card = replied_card(answer)
    assert texts(card)[1] == "Scheduled."
    assert facts(card)["Project"] == BEING_CREATED
    technician = delivered(desk, personal_chat(jordan))
    assert facts(technician.card)["Project"] == BEING_CREATED
    assert netsuite.requests == []  # the card did not wait on NetSuite

    mark = len(desk.connector.sent)
    await make_projects(desk, clock)

    [job] = jobs(netsuite)
    assert job["externalId"] == "bestpack-SR-1001"
    assert job["companyName"] == "SR-1001 · Lone Star Snacks, Austin (TX)"
    assert (job["startDate"], job["projectedEndDate"]) == ("2026-12-01", "2026-12-01")
    assert (job["subsidiary"], job["custentity_sd_billable"]) == ({"id": "1"}, True)
    assert job["comments"].endswith("Scope: Annual preventive maintenance of the BP-500 wrapper")
    number = job["entityId"]  # NetSuite numbered it
    assert (await services(desk).service_requests.get("SR-1001")).project_number == number
    [mine] = updates_of(desk, mark, form.activity_id)
    assert (texts(mine)[1], facts(mine)["Project"]) == ("Scheduled.", number)
    [his] = updates_of(desk, mark, technician.activity_id)
    assert facts(his)["Project"] == number
    assert texts(his)[1] == "You are scheduled on site: Tue 1 Dec 2026"


async def test_a_request_about_a_ticket_makes_the_tickets_customer_the_projects_parent(
    desk: Desk, netsuite: FakeNetSuite, clock: Clock
):
    mary, _, _ = await people(desk)
    customer = add_customer(netsuite, "Lone Star Snacks")
    draft = TicketDraft("Sealing jaw cold", company="Lone Star Snacks", customer_ref=customer)
    await services(desk).tickets.create(draft, "mary", "lone-star-1", MONDAY_9AM)
    await request_service(mary, {**BILLABLE_IN_TEXAS, "ticket": "BP-1001"})

    await make_projects(desk, clock)

    [job] = jobs(netsuite)
    assert job["parent"] == {"id": customer}
    assert "Support ticket: BP-1001" in job["comments"]


async def test_an_approved_request_gets_one_project_and_everyone_who_saw_it_its_number(
    desk: Desk, netsuite: FakeNetSuite, clock: Clock
):
    mary, _, allison = await people(desk)
    form, _ = await request_service(mary, NON_BILLABLE_IN_PA)
    approval = delivered(desk, personal_chat(allison))
    await make_projects(desk, clock)
    assert jobs(netsuite) == []  # nothing before the approval

    approved = await allison.executes(approval, APPROVE, number="SR-1001")
    assert facts(replied_card(approved))["Project"] == BEING_CREATED
    told = delivered(desk, personal_chat(mary))
    assert facts(told.card)["Project"] == BEING_CREATED
    assert f"- BestPack project: {BEING_CREATED}" in "\n".join(texts(told.card))
    mark = len(desk.connector.sent)
    await make_projects(desk, clock)

    [job] = jobs(netsuite)
    number = job["entityId"]
    assert job["custentity_sd_billable"] is False
    assert "Billing: Non-billable: BestPack covers it" in job["comments"]
    [allisons] = updates_of(desk, mark, approval.activity_id)  # her card, replaced by approving
    assert (texts(allisons)[1], facts(allisons)["Project"]) == ("Approved and scheduled.", number)
    [marys] = updates_of(desk, mark, told.activity_id)
    assert facts(marys)["Project"] == number
    # The message Mary sends PLC Paramedics now names the project.
    assert f"- BestPack project: {number}" in "\n".join(texts(marys))
    [first] = updates_of(desk, mark, form.activity_id)  # the form, answered "waiting" at first
    assert (texts(first)[1], facts(first)["Status"]) == ("Scheduled.", "Scheduled")


async def test_a_technician_without_the_app_gets_the_card_with_the_number_when_they_open_it(
    desk: Desk, netsuite: FakeNetSuite, clock: Clock
):
    mary = desk.user("Mary")
    await mary.installs_the_app()
    jordan = desk.user("Jordan")  # has never opened the app: his card is held
    await request_service(mary, BILLABLE_IN_TEXAS)
    await make_projects(desk, clock)
    [job] = jobs(netsuite)

    opened = await jordan.installs_the_app()

    [card] = [c for c in opened.cards if texts(c)[0].startswith("SR-1001")]  # and a welcome
    assert texts(card)[1] == "You are scheduled on site: Tue 1 Dec 2026"
    assert facts(card)["Project"] == job["entityId"]


async def test_an_answer_lost_after_netsuite_made_the_project_makes_no_second_one(
    desk: Desk, netsuite: FakeNetSuite, clock: Clock
):
    mary, _, _ = await people(desk)
    netsuite.lose_next("PUT", UPSERT)  # made there; the bot never hears so
    await request_service(mary, BILLABLE_IN_TEXAS)

    await make_projects(desk, clock)

    puts = [r for r in netsuite.requests if r.method == "PUT"]
    assert [r.status for r in puts] == [None, 204]  # tried again: the upsert found it
    assert puts[0].path == puts[1].path == f"{JOBS}/eid:bestpack-SR-1001"
    [job] = jobs(netsuite)
    stored = await services(desk).service_requests.get("SR-1001")
    assert stored.project_number == job["entityId"]


async def test_a_429_storm_loses_nothing_and_the_project_is_made_after_it(
    desk: Desk, netsuite: FakeNetSuite, clock: Clock
):
    mary, _, _ = await people(desk)
    await request_service(mary, BILLABLE_IN_TEXAS)
    await request_service(mary, {**BILLABLE_IN_TEXAS, "site": "Lone Star Snacks, Waco"})
    netsuite.storm(6, retry_after=3)
    started = clock.now

    await make_projects(desk, clock)

    assert sum(r.status == 429 for r in netsuite.requests) == 6
    assert (clock.now - started).total_seconds() >= 6 * 3  # each 429's wait was kept
    assert sorted(job["externalId"] for job in jobs(netsuite)) == [
        "bestpack-SR-1001",
        "bestpack-SR-1002",
    ]
    for number in ("SR-1001", "SR-1002"):
        assert (await services(desk).service_requests.get(number)).project_number


async def test_a_project_netsuite_refuses_is_told_to_the_approver_in_words(
    desk: Desk, netsuite: FakeNetSuite, clock: Clock
):
    mary, _, allison = await people(desk)
    await request_service(mary, NON_BILLABLE_IN_PA)
    approval = delivered(desk, personal_chat(allison))
    await allison.executes(approval, APPROVE, number="SR-1001")
    refusal = "Invalid Field Value 1 for the following field: subsidiary"
    netsuite.refuse_next("PUT", UPSERT, refusal)
    mark = len(desk.connector.sent)

    await make_projects(desk, clock)

    assert jobs(netsuite) == []
    said = f"NetSuite refused to create the project of SR-1001: {refusal} (USER_ERROR)"
    told = [s.text for s in desk.connector.since(mark) if s.text]
    assert told == [
        f"{said}. Nothing was created there: create the project in NetSuite by hand and tell "
        "Mary its number, or have the NetSuite setup fixed."
    ]
    assert desk.connector.since(mark)[-1].conversation_id == personal_chat(allison)
    [allisons] = updates_of(desk, mark, approval.activity_id)
    assert facts(allisons)["Project"] == "not created in NetSuite"
    assert said in texts(allisons)
    assert (await services(desk).service_requests.get("SR-1001")).project_number is None
