"""BP Search over the in-memory installed base and CRM, and tickets filed on the desk's database."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime

import pytest
from sqlalchemy import insert

from services.bp_search import BPSearch, Sources
from services.db import Database
from services.db.schema import service_requests
from services.service_requests import RequestStatus
from services.tickets import Ticket, TicketDraft, TicketRepository
from services.tickets.closure import resolve
from services.tickets.triage import assign
from tests.harness.bp_sources import MemoryDirectory, MemoryInstalledBase
from tests.harness.domain import BESTPACK, MONDAY_9AM

File = Callable[..., Awaitable[Ticket]]


@pytest.fixture
def base() -> MemoryInstalledBase:
    """NetSuite's part: Acme Foods (two sites, two machines, one open order) and two others."""
    return MemoryInstalledBase()


@pytest.fixture
def crm() -> MemoryDirectory:
    """HubSpot's part: Acme Foods' company, owner and open deal."""
    return MemoryDirectory()


@pytest.fixture
def bp(base, crm, database: Database) -> BPSearch:
    """The service on SQLite and PostgreSQL, with the profile's cache (300 s) and a short
    timeout for the slow source."""
    return BPSearch(base, crm, database, BESTPACK, Sources(300, 0.2))


@pytest.fixture
def file(database: Database) -> File:
    """File a ticket at `at`; `resolution` resolves it (assigned to Kevin, who fixed it)."""
    repo = TicketRepository(database, BESTPACK)

    async def file_(
        subject: str,
        *,
        serial: str | None = "SN-20481",
        company: str | None = "Acme Foods",
        issue_type: str | None = "controls",
        at: datetime = MONDAY_9AM,
        resolution: str | None = None,
    ) -> Ticket:
        draft = TicketDraft(
            subject,
            issue_type=issue_type,
            company=company,
            serial_number=serial,
            machine_model="CaseSealer X200" if serial else None,
        )
        ticket, _ = await repo.create(draft, "mary", None, at)
        if resolution is None:
            return ticket
        assigned, events = assign(ticket, "mary", BESTPACK, at, assignee_id="kevin")
        resolved, more = resolve(assigned, "kevin", BESTPACK, at, resolution)
        return await repo.save(resolved, ticket.version, [*events, *more])

    return file_


@pytest.fixture
def visit(database: Database) -> Callable[..., Awaitable[None]]:
    """Record a scheduled service visit on a ticket, as process 6 leaves it."""

    async def visit_(number: str, ticket: str, start: date, project: str = "PRJ-7") -> None:
        row = {
            "number": number,
            "profile": BESTPACK.name,
            "status": RequestStatus.SCHEDULED,
            "site": "Newark plant",
            "site_state": "NJ",
            "start_date": start,
            "end_date": start,
            "billing": "billable",
            "scope": "Replace the sealer's drive belt",
            "requester_id": "mary",
            "ticket_number": ticket,
            "project_number": project,
            "created_at": MONDAY_9AM,
            "updated_at": MONDAY_9AM,
        }
        async with database.engine.begin() as connection:
            await connection.execute(insert(service_requests).values(**row))

    return visit_
