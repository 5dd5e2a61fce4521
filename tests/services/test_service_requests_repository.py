"""Service requests and local projects in the database, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from services.db import Database
from services.db.schema import service_requests
from services.service_requests import (
    EmbeddedProjectSystem,
    ProjectOrder,
    RequestStatus,
    ServiceRequestRepository,
    StaleRequest,
)
from services.service_requests.repository import _values
from services.service_requests.workflow import approve, file_request
from tests.harness.domain import BESTPACK, MONDAY_9AM
from tests.harness.service_domain import DRAFT, IN_HOUSE


def order(request_number: str, opened_on: date = date(2026, 11, 30)) -> ProjectOrder:
    return ProjectOrder(
        request_number=request_number,
        name=f"{request_number} · Acme Foods (TX)",
        opened_on=opened_on,
        start_date=date(2026, 12, 1),
        end_date=date(2026, 12, 1),
        billable=True,
        done_by="Jordan",
        scope="Annual maintenance",
    )


async def test_requests_are_numbered_and_read_back_as_filed(database: Database):
    repo = ServiceRequestRepository(database, BESTPACK)
    new = file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM)
    first, created = await repo.create(new, "service:form-1")
    second, _ = await repo.create(file_request(IN_HOUSE, "mary", BESTPACK, MONDAY_9AM), None)
    assert created and (first.number, second.number) == ("SR-1001", "SR-1002")
    stored = await repo.get("sr-1001")
    assert stored == first
    assert (stored.start_date, stored.site_state, stored.version) == (date(2026, 12, 1), "NJ", 1)
    assert stored.created_at == MONDAY_9AM
    assert [r.number for r in await repo.awaiting_approval()] == ["SR-1001"]


async def test_a_double_submit_of_one_form_files_one_request(database: Database):
    repo = ServiceRequestRepository(database, BESTPACK)
    new = file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM)
    results = await asyncio.gather(*(repo.create(new, "service:form-7") for _ in range(4)))
    assert sum(created for _, created in results) == 1
    # Every submit got the one request. Which number it has depends on the race: PostgreSQL's
    # sequence keeps the id a losing insert drew, so the winner may be SR-1002.
    [number] = {request.number for request, _ in results}
    assert number in {f"SR-{1001 + n}" for n in range(4)}


async def test_a_save_on_a_version_someone_else_moved_on_writes_nothing(database: Database):
    repo = ServiceRequestRepository(database, BESTPACK)
    waiting, _ = await repo.create(file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM), None)
    approved = await repo.save(approve(waiting, "allison", BESTPACK, MONDAY_9AM), waiting.version)
    assert approved.version == 2
    with pytest.raises(StaleRequest):
        await repo.save(replace(waiting, scope="changed"), waiting.version)
    stored = await repo.get("SR-1001")
    assert (stored.status, stored.decided_by, stored.scope) == (
        RequestStatus.APPROVED,
        "allison",
        "Replace the infeed belt",
    )
    assert await repo.awaiting_approval() == []


async def test_text_too_long_for_its_column_is_refused_in_words(database: Database):
    repo = ServiceRequestRepository(database, BESTPACK)
    new = file_request(replace(DRAFT, site="x" * 256), "mary", BESTPACK, MONDAY_9AM)
    with pytest.raises(Exception, match="Site is too long: keep it to 255 characters"):
        await repo.create(new, None)


async def test_the_database_refuses_an_end_before_the_start(database: Database):
    new = file_request(DRAFT, "mary", BESTPACK, MONDAY_9AM)
    row = _values(replace(new, number="SR-1", end_date=new.start_date - timedelta(days=1)))
    with pytest.raises(IntegrityError):
        async with database.engine.begin() as connection:
            await connection.execute(insert(service_requests).values(**row))


async def test_local_projects_count_per_year_and_a_request_keeps_its_project(database: Database):
    projects = EmbeddedProjectSystem(database)
    first = await projects.create_project(order("SR-1001"), MONDAY_9AM)
    again = await projects.create_project(order("SR-1001"), MONDAY_9AM + timedelta(hours=1))
    second = await projects.create_project(order("SR-1002"), MONDAY_9AM)
    next_year = await projects.create_project(order("SR-1003", date(2027, 1, 4)), MONDAY_9AM)
    assert (first.number, second.number, next_year.number) == (
        "PRJ-2026-0001",
        "PRJ-2026-0002",
        "PRJ-2027-0001",
    )
    assert again == first and first.created_at == MONDAY_9AM


async def test_projects_made_at_once_get_distinct_numbers(database: Database):
    projects = EmbeddedProjectSystem(database)
    numbers = [f"SR-{1001 + i}" for i in range(6)]
    made = await asyncio.gather(*(projects.create_project(order(n), MONDAY_9AM) for n in numbers))
    assert sorted(p.number for p in made) == [f"PRJ-2026-{i:04d}" for i in range(1, 7)]
    twice = await asyncio.gather(
        *(projects.create_project(order("SR-2000"), MONDAY_9AM) for _ in range(3))
    )
    assert len({p.number for p in twice}) == 1
