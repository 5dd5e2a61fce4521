"""EscalationRepository on SQLite and PostgreSQL: each record is saved with its ticket change,
or neither is."""

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from services.db import Database
from services.db.schema import escalations
from services.escalations import EscalationRepository, EscalationStatus
from services.escalations.workflow import accept, ask_for_information, escalate, record_rcca
from services.tickets import EventKind, StaleTicket, TicketRepository, TicketStatus
from services.tickets.workflow import assign, change_status
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM
from tests.harness.escalation_domain import HANDOFF, RCCA

AT = MONDAY_9AM + timedelta(hours=1)


async def repositories(db: Database) -> tuple[TicketRepository, EscalationRepository]:
    """The two repositories on `db`."""
    tickets = TicketRepository(db, BESTPACK)
    return tickets, EscalationRepository(db, tickets)


async def working(tickets: TicketRepository):
    """A stored ticket Kevin is working on."""
    ticket, _ = await tickets.create(DRAFT, "mary", "form-1", MONDAY_9AM)
    assigned = assign(ticket, "mary", BESTPACK, MONDAY_9AM, assignee_id="kevin")
    started = change_status(assigned.ticket, "kevin", BESTPACK, MONDAY_9AM, "in_progress")
    return await tickets.save(started.ticket, ticket.version, assigned.events + started.events)


async def count(db: Database) -> int:
    """How many escalations are stored."""
    async with db.engine.connect() as connection:
        return await connection.scalar(select(func.count()).select_from(escalations))


async def test_a_handoff_is_stored_with_the_escalated_ticket(database: Database) -> None:
    tickets, repo = await repositories(database)
    ticket = await working(tickets)

    saved, request = await repo.hand_off(escalate(ticket, "kevin", BESTPACK, AT, HANDOFF), 2)

    assert (saved.version, saved.status, saved.escalated) == (3, TicketStatus.ESCALATED, True)
    assert await tickets.get(ticket.number) == saved
    assert await repo.latest(ticket.id) == request
    assert await repo.get(request.id) == request
    assert (request.handoff, request.requested_at) == (HANDOFF, AT)
    assert (await tickets.events(ticket.id))[-1].kind is EventKind.STATUS_CHANGED


async def test_a_handoff_from_a_stale_read_stores_neither(database: Database) -> None:
    tickets, repo = await repositories(database)
    ticket = await working(tickets)
    decision = escalate(ticket, "kevin", BESTPACK, AT, HANDOFF)

    with pytest.raises(StaleTicket):
        await repo.hand_off(decision, ticket.version - 1)

    assert await tickets.get(ticket.number) == ticket
    assert (await count(database), await repo.latest(ticket.id)) == (0, None)


async def test_a_decision_is_stored_once_even_when_two_race(database: Database) -> None:
    tickets, repo = await repositories(database)
    ticket, request = await repo.hand_off(
        escalate(await working(tickets), "kevin", BESTPACK, AT, HANDOFF), 2
    )
    accepted = accept(ticket, request, "allison", BESTPACK, AT, engineer_id="sean")
    asked = ask_for_information(ticket, request, "allison", BESTPACK, AT, "Which PLC?")
    saved, decided = await repo.decide(accepted, ticket.version)

    # The loser read the same versions; the ticket's compare-and-swap refuses it first.
    with pytest.raises(StaleTicket):
        await repo.decide(asked, ticket.version)
    # Even past the ticket's check (its version given as now stored), a decided handoff stays.
    forged = asked._replace(change=asked.change._replace(ticket=replace(saved, escalated=False)))
    with pytest.raises(StaleTicket):
        await repo.decide(forged, saved.version)

    assert await tickets.get(ticket.number) == saved
    assert saved.assignee_id == "sean"
    assert await repo.get(request.id) == decided
    assert decided.status is EscalationStatus.ACCEPTED


async def test_the_rcca_is_kept_per_escalation_and_replaced_when_corrected(
    database: Database,
) -> None:
    tickets, repo = await repositories(database)
    ticket, request = await repo.hand_off(
        escalate(await working(tickets), "kevin", BESTPACK, AT, HANDOFF), 2
    )
    ticket, _ = await repo.decide(
        accept(ticket, request, "allison", BESTPACK, AT, engineer_id="sean"), ticket.version
    )
    assert await repo.rcca_for(ticket) is None

    change, first = record_rcca(ticket, request, "sean", BESTPACK, AT, RCCA)
    ticket = await repo.record_rcca(change, ticket.version, first)
    corrected = RCCA | {"preventive_action": "Locking brackets fleet-wide"}
    change, second = record_rcca(ticket, request, "sean", BESTPACK, AT, corrected)
    ticket = await repo.record_rcca(change, ticket.version, second)

    assert await repo.rcca_for(ticket) == second
    assert await repo.rcca(request) == second
    kinds = [e.kind for e in await tickets.events(ticket.id)]
    assert kinds[-2:] == [EventKind.RCCA, EventKind.RCCA]
    assert await repo.rcca_for(replace(ticket, escalated=False)) is None
