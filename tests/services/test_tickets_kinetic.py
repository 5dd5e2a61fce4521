"""A second desk files and works tickets through its own intake fields and its own statuses."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from services.db import Database
from services.db.schema import tickets
from services.profile import load_profile
from services.tickets import TicketRepository, TicketStatus, check_draft, draft_from_answers
from services.tickets.rules import status_label
from services.tickets.workflow import acknowledge, assign, change_status

# Monday 30 Nov 2026, 09:00 in Chicago (UTC-6), a Kinetic business day.
MONDAY_9AM = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
ANSWERS = {
    "description": "Approval node never completes.\nSince the 6.1 upgrade.",
    "installation_type": "kinops",
    "environment": "production",
    "application": "Kinetic Request CE",
    "category": "problem",
    "type": "workflow",
}


async def stored_status(db: Database, ticket_id: int) -> tuple[str, str]:
    """The (status, substatus) columns of a ticket: its Zendesk status and its role."""
    query = select(tickets.c.status, tickets.c.substatus).where(tickets.c.id == ticket_id)
    async with db.engine.connect() as connection:
        return tuple((await connection.execute(query)).one())


async def test_a_kinetic_ticket_is_filed_from_its_own_fields(
    database: Database,
) -> None:
    profile = load_profile("kinetic")
    draft = check_draft(draft_from_answers(profile, ANSWERS), profile)

    ticket, created = await TicketRepository(database, profile).create(
        draft, "sam", "kinetic-form-1", MONDAY_9AM
    )

    assert (created, ticket.number, ticket.profile) == (True, "KD-1001", "kinetic")
    assert ticket.subject == "Approval node never completes."
    assert ticket.description == ANSWERS["description"]
    # "type" is the issue type; production is urgent (the profile's own rule).
    assert (ticket.issue_type, ticket.priority, ticket.complexity) == ("workflow", "urgent", None)
    assert ticket.fields == ANSWERS
    assert ticket.status is TicketStatus.NEW
    assert await stored_status(database, ticket.id) == ("new", "new")


async def test_a_kinetic_ticket_moves_through_its_own_statuses(
    database: Database,
) -> None:
    profile = load_profile("kinetic")
    repo = TicketRepository(database, profile)
    draft = check_draft(draft_from_answers(profile, ANSWERS), profile)
    ticket, _ = await repo.create(draft, "sam", "kinetic-form-1", MONDAY_9AM)
    at = MONDAY_9AM + timedelta(minutes=10)
    acked = acknowledge(ticket, "sam", profile, at)
    assigned = assign(acked.ticket, "sam", profile, at, assignee_id="riley")
    ticket = await repo.save(assigned.ticket, ticket.version, acked.events + assigned.events)
    assert status_label(profile, ticket.status) == "With the specialist"

    later = at + timedelta(hours=1)
    working = change_status(ticket, "riley", profile, later, "waiting_on_us")
    ticket = await repo.save(working.ticket, ticket.version, working.events)
    waiting = change_status(ticket, "riley", profile, later, "waiting_on_contact", note="Asked")
    ticket = await repo.save(waiting.ticket, ticket.version, waiting.events)

    assert ticket.status is TicketStatus.WAITING_ON_CUSTOMER
    assert status_label(profile, ticket.status) == "Waiting on contact"
    assert ticket.sla_paused_at == later  # the profile pauses its clock in this status
    assert await stored_status(database, ticket.id) == ("pending", "waiting_on_customer")
    assert await repo.get(ticket.number) == ticket
    assert [t.number for t in await repo.with_status(profile.auto_close_roles)] == ["KD-1001"]
    assert [t.number for t in await repo.untriaged_or_unassigned()] == []
    assert [t.number for t in await repo.open_for_assignee("riley")] == ["KD-1001"]
