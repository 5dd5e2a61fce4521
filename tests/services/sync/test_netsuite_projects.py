"""ProjectSender against the fake NetSuite: what each of NetSuite's answers becomes for the sync
worker, and a retry that never makes or changes a project twice."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest

from services.clients.netsuite import NetSuiteClient, netsuite_config
from services.db import Database
from services.service_requests import ServiceRequestRepository
from services.service_requests.workflow import file_request
from services.sync import Rejected, Sent, SyncQueue, Transient
from services.sync.netsuite.projects import ProjectSender
from services.sync.projects import ProjectOutbound
from services.tickets import TicketRepository
from tests.harness.domain import BESTPACK, MONDAY_9AM
from tests.harness.fake_netsuite import FakeNetSuite
from tests.harness.netsuite import client_of, settings_values
from tests.harness.service_domain import IN_HOUSE
from tests.harness.service_netsuite import jobs

NS = "netsuite"


@pytest.fixture
async def netsuite() -> AsyncIterator[FakeNetSuite]:
    """The fake NetSuite, listening."""
    fake = FakeNetSuite()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    """The app's one httpx client."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(2.0)) as shared:
        yield shared


async def filed(db: Database):
    """SR-1001, billable (so its project is queued as it is filed), and that queued change."""
    requests = ServiceRequestRepository(db, BESTPACK, ProjectOutbound(SyncQueue(db), NS))
    request, _ = await requests.create(file_request(IN_HOUSE, "mary", BESTPACK, MONDAY_9AM), None)
    [change] = await SyncQueue(db).of_record(NS, request.number)
    return requests, change


def sender(db: Database, client: NetSuiteClient, requests) -> ProjectSender:
    return ProjectSender(client, requests, TicketRepository(db, BESTPACK), BESTPACK)


async def test_a_change_sent_twice_makes_one_project_and_the_second_changes_nothing(
    database: Database, netsuite: FakeNetSuite, http: httpx.AsyncClient
):
    requests, change = await filed(database)
    send = sender(database, client_of(netsuite, http), requests)

    first = await send.send([change])
    again = await send.send([replace(change, attempts=1)])  # "sent" was lost: tried again

    [job] = jobs(netsuite)
    assert first == Sent({change.id: job["id"]})
    assert isinstance(again, Sent)
    assert len([r for r in netsuite.requests if r.method == "PUT"]) == 1
    assert (await requests.get("SR-1001")).project_number == job["entityId"]


async def test_netsuite_down_or_a_token_it_refuses_is_tried_again_later_not_given_up(
    database: Database, netsuite: FakeNetSuite, http: httpx.AsyncClient
):
    requests, change = await filed(database)
    netsuite.down = True
    down = await sender(database, client_of(netsuite, http), requests).send([change])
    netsuite.down = False
    wrong = netsuite_config({**settings_values(netsuite), "NETSUITE_TOKEN_SECRET": "revoked"})
    assert wrong is not None
    refused = await sender(database, NetSuiteClient(wrong, http), requests).send([change])

    assert isinstance(down, Transient) and isinstance(refused, Transient)
    assert "401" in refused.reason
    assert jobs(netsuite) == []


async def test_a_request_no_longer_in_the_database_is_refused_without_asking_netsuite(
    database: Database, netsuite: FakeNetSuite, http: httpx.AsyncClient
):
    requests, change = await filed(database)
    outcome = await sender(database, client_of(netsuite, http), requests).send(
        [replace(change, record_key="SR-9999")]
    )
    assert outcome == Rejected("SR-9999 is not in the bot's database")
    assert netsuite.requests == []
