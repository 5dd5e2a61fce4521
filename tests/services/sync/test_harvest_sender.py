"""HarvestSender against the fake Harvest: what each of Harvest's answers becomes for the sync
worker, and an entry that is never booked twice, however its tries end."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest

from services.clients.harvest import HarvestClient, harvest_config
from services.db import Database
from services.profile import load_profile
from services.sync import RateLimited, Rejected, Sent, SyncQueue, Transient
from services.sync.harvest import SYSTEM
from services.sync.harvest.outbound import HarvestOutbound, record_key
from services.sync.harvest.sender import HarvestSender
from services.tickets import TicketDraft, TicketRepository
from services.time_entries import TimeEntryRepository, log_time
from tests.harness.fake_harvest import ENTRIES, FakeHarvest
from tests.harness.harvest import ANSWERS, REQUEST_CE, stock, timesheet_profile

EVENING = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)


@pytest.fixture
async def harvest() -> AsyncIterator[FakeHarvest]:
    """The fake Harvest holding the profile's projects, listening."""
    fake = FakeHarvest()
    stock(fake)
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    """The app's one httpx client."""
    async with httpx.AsyncClient(timeout=httpx.Timeout(2.0)) as shared:
        yield shared


async def logged(db: Database, harvest: FakeHarvest, http: httpx.AsyncClient, tmp_path):
    """45 minutes Sam logged on KD-1001 (queued for Harvest), the sender and the queued change."""
    profile = load_profile(timesheet_profile(tmp_path))
    tickets = TicketRepository(db, profile)
    entries = TimeEntryRepository(db, profile, HarvestOutbound(SyncQueue(db)))
    draft = TicketDraft("Approval node never completes.", fields=dict(ANSWERS))
    ticket, _ = await tickets.create(draft, "sam", "form-1", EVENING)
    entry = await entries.add(log_time(ticket, "sam", profile, EVENING, 45, "call"))
    config = harvest_config(harvest.settings())
    assert config is not None
    sender = HarvestSender(HarvestClient(config, http), entries, tickets, profile)
    [change] = await SyncQueue(db).of_record(SYSTEM, record_key(entry.id))
    return sender, change, entries


async def test_a_change_sent_again_after_harvest_made_it_books_nothing_more(
    database: Database, harvest: FakeHarvest, http: httpx.AsyncClient, tmp_path
):
    sender, change, entries = await logged(database, harvest, http, tmp_path)

    first = await sender.send([change])
    [made] = harvest.store.entries.values()
    assert first == Sent({change.id: str(made["id"])})
    # "sent" was lost after the id was stored: done without asking Harvest.
    assert await sender.send([replace(change, attempts=1)]) == first
    assert len(harvest.requests) == 1
    assert (await entries.get(change.payload["entry"])).harvest_id == str(made["id"])


async def test_only_a_retry_looks_for_an_earlier_tries_entry(
    database: Database, harvest: FakeHarvest, http: httpx.AsyncClient, tmp_path
):
    sender, change, _ = await logged(database, harvest, http, tmp_path)
    harvest.lose_next("POST", ENTRIES)
    assert isinstance(await sender.send([change]), Transient)  # made; the answer lost

    outcome = await sender.send([replace(change, attempts=1)])

    [made] = harvest.store.entries.values()
    assert outcome == Sent({change.id: str(made["id"])})
    assert [r.method for r in harvest.requests] == ["POST", "GET"]


GONE = "Project can't be blank or is not a project of this account"
DOWN = "Harvest answered 503: Service Unavailable"


@pytest.mark.parametrize(
    ("knob", "expected"),
    [
        (lambda fake: fake.storm(1, retry_after=20), RateLimited(20.0)),
        (lambda fake: setattr(fake, "down", True), Transient(DOWN)),
        (lambda fake: fake.store.projects.pop(REQUEST_CE), Rejected(GONE)),  # in Harvest's words
    ],
    ids=["429", "down", "project gone"],
)
async def test_harvests_answers_become_the_workers_outcomes(
    database: Database, harvest: FakeHarvest, http: httpx.AsyncClient, tmp_path, knob, expected
):
    sender, change, _ = await logged(database, harvest, http, tmp_path)
    knob(harvest)
    assert await sender.send([change]) == expected
    assert harvest.store.entries == {}


async def test_a_refused_token_is_tried_again_once_it_is_fixed_not_given_up(
    database: Database, harvest: FakeHarvest, http: httpx.AsyncClient, tmp_path
):
    sender, change, _ = await logged(database, harvest, http, tmp_path)
    harvest.token = "rotated-since"
    refused = await sender.send([change])
    assert isinstance(refused, Transient)
    assert "check HARVEST_TOKEN and HARVEST_ACCOUNT_ID" in refused.reason
