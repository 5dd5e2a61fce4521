"""A service request's project is queued with the approval that makes it due, in the same
transaction, and the number an outside system sends back is kept however saves interleave."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.db import Database
from services.service_requests import RequestStatus, ServiceRequestRepository, StaleRequest
from services.service_requests.notices import notice_for
from services.service_requests.workflow import approve, file_request, schedule
from services.sync import SyncQueue
from services.sync.projects import CREATE_PROJECT, ProjectOutbound
from tests.harness.domain import BESTPACK, MONDAY_9AM
from tests.harness.service_domain import DRAFT, IN_HOUSE

NS = "netsuite"


def repository(db: Database) -> ServiceRequestRepository:
    return ServiceRequestRepository(db, BESTPACK, ProjectOutbound(SyncQueue(db), NS))


async def test_billable_work_queues_its_project_as_it_is_filed(database: Database):
    repo = repository(database)
    filed, _ = await repo.create(file_request(IN_HOUSE, "mary", BESTPACK, MONDAY_9AM), "form-1")
    await repo.create(file_request(IN_HOUSE, "mary", BESTPACK, MONDAY_9AM), "form-1")  # again

    [change] = await SyncQueue(database).of_record(NS, filed.number)
    assert (change.kind, change.payload, change.actor_id) == (
        CREATE_PROJECT,
        {"number": "SR-1001"},
        "mary",  # billable work needs no approval: the requester hears of a refusal
    )


async def test_non_billable_work_queues_it_with_the_approval_and_only_then(database: Database):
    repo, queue = repository(database), SyncQueue(database)
    waiting, _ = await repo.create(file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM), None)
    assert await queue.of_record(NS, waiting.number) == []  # nothing before the approval

    approved = await repo.save(approve(waiting, "allison", BESTPACK, MONDAY_9AM), waiting.version)
    notice = notice_for(BESTPACK, approved, None)
    await repo.save(schedule(approved, MONDAY_9AM, None, notice), approved.version)

    [change] = await queue.of_record(NS, waiting.number)
    assert (change.kind, change.actor_id) == (CREATE_PROJECT, "allison")


async def test_an_approval_that_loses_a_race_queues_nothing(database: Database):
    repo, queue = repository(database), SyncQueue(database)
    waiting, _ = await repo.create(file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM), None)
    await repo.save(replace(waiting, scope="Replace the belt and the rollers"), waiting.version)

    with pytest.raises(StaleRequest):  # rolled back: the project's change goes with it
        await repo.save(approve(waiting, "allison", BESTPACK, MONDAY_9AM), waiting.version)

    assert await queue.of_record(NS, waiting.number) == []


async def test_without_an_outside_project_system_nothing_is_queued(database: Database):
    repo = ServiceRequestRepository(database, BESTPACK)
    filed, _ = await repo.create(file_request(IN_HOUSE, "mary", BESTPACK, MONDAY_9AM), None)
    assert await SyncQueue(database).of_record(NS, filed.number) == []


async def test_the_number_arrives_and_the_notice_to_send_is_written_with_it(database: Database):
    repo = repository(database)
    filed, _ = await repo.create(file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM), None)
    approved = await repo.save(approve(filed, "allison", BESTPACK, MONDAY_9AM), filed.version)
    notice = notice_for(BESTPACK, approved, None)
    scheduled = await repo.save(schedule(approved, MONDAY_9AM, None, notice), approved.version)
    assert "BestPack project: being created in NetSuite" in (scheduled.notice or "")

    await repo.project_created("SR-1001", "PRJ00042")

    stored = await repo.get("SR-1001")
    assert (stored.project_number, stored.version) == ("PRJ00042", scheduled.version)
    assert "BestPack project: PRJ00042" in (stored.notice or "")
    assert "being created" not in (stored.notice or "")


async def test_a_save_read_before_the_number_came_keeps_it(database: Database):
    repo = repository(database)
    filed, _ = await repo.create(file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM), None)
    approved = await repo.save(approve(filed, "allison", BESTPACK, MONDAY_9AM), filed.version)
    await repo.project_created("SR-1001", "PRJ00042")  # the worker was quicker than the click

    notice = notice_for(BESTPACK, approved, None)
    await repo.save(schedule(approved, MONDAY_9AM, None, notice), approved.version)

    stored = await repo.get("SR-1001")
    assert (stored.status, stored.project_number) == (RequestStatus.SCHEDULED, "PRJ00042")
