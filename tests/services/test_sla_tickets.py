"""The ticket domain keeps its SLA columns current: intake, pause and resume, met deadlines."""

from __future__ import annotations

from datetime import timedelta

from services.db import Database
from services.tickets import TicketRepository, TicketStatus, Visibility
from services.tickets.workflow import acknowledge, add_note, assign, change_status, reopen, resolve
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM

S = TicketStatus
MINUTE = timedelta(minutes=1)


def at(minutes: int):
    """Monday 30 Nov 2026, this many minutes after 09:00 Pacific (all within business hours)."""
    return MONDAY_9AM + minutes * MINUTE


async def test_intake_sets_every_deadline_and_the_first_check(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)  # high: 60 / 120 / 1440
    assert (ticket.ack_due_at, ticket.first_response_due_at) == (at(60), at(120))
    assert ticket.resolution_due_at == MONDAY_9AM + timedelta(days=2)  # two 12-hour days
    assert ticket.next_sla_check_at == at(45), "15 business minutes before acknowledgement"
    assert (ticket.sla_paused_at, ticket.sla_paused_minutes) == (None, 0.0)


async def test_waiting_on_the_customer_pauses_and_resuming_moves_the_deadlines(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)

    async def step(command, *args, **kwargs):
        nonlocal ticket
        change = command(ticket, *args, **kwargs)
        ticket = await repo.save(change.ticket, ticket.version, change.events)
        return ticket

    await step(assign, "mary", BESTPACK, at(5), assignee_id="kevin")
    await step(acknowledge, "kevin", BESTPACK, at(10))
    assert ticket.next_sla_check_at == at(105), "acknowledged: first response is next"
    await step(change_status, "kevin", BESTPACK, at(30), S.WAITING_ON_CUSTOMER)
    assert (ticket.sla_paused_at, ticket.next_sla_check_at) == (at(30), None)
    assert ticket.first_response_due_at == at(120), "due times stand still while paused"

    await step(add_note, "kevin", BESTPACK, at(50), "Called, no answer")  # internal: not met
    assert (ticket.sla_paused_at, ticket.first_response_due_at) == (at(30), at(120))

    await step(change_status, "kevin", BESTPACK, at(90), S.IN_PROGRESS)
    assert (ticket.sla_paused_at, ticket.sla_paused_minutes) == (None, 60)
    assert ticket.ack_due_at == at(60), "met before the pause: unchanged"
    assert ticket.first_response_due_at == at(180)
    assert ticket.resolution_due_at == MONDAY_9AM + timedelta(days=2, hours=1)
    assert ticket.next_sla_check_at == at(165)

    await step(add_note, "kevin", BESTPACK, at(100), "Replaced the relay", public=True)
    assert ticket.first_response_due_at == at(180), "met: frozen"
    assert ticket.next_sla_check_at == ticket.resolution_due_at - 15 * MINUTE

    await step(resolve, "kevin", BESTPACK, at(110), "Relay replaced")
    assert ticket.next_sla_check_at is None, "nothing left to watch"
    stored = await repo.get(ticket.number)
    assert stored == ticket


async def test_resolving_from_a_wait_counts_the_pause_and_a_reopen_watches_again(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    assigned = assign(ticket, "mary", BESTPACK, at(5), assignee_id="kevin")
    ticket = await repo.save(assigned.ticket, ticket.version, assigned.events)
    waiting = change_status(ticket, "kevin", BESTPACK, at(20), S.WAITING_ON_OTHER)
    ticket = await repo.save(waiting.ticket, ticket.version, waiting.events)
    done = resolve(ticket, "kevin", BESTPACK, at(80), "Part fitted")
    ticket = await repo.save(done.ticket, ticket.version, done.events)
    assert (ticket.sla_paused_at, ticket.sla_paused_minutes) == (None, 60)
    assert ticket.resolution_due_at == MONDAY_9AM + timedelta(days=2, hours=1)
    assert ticket.next_sla_check_at is None

    back = reopen(ticket, "kevin", BESTPACK, at(120), reason="Still jams")
    ticket = await repo.save(back.ticket, ticket.version, back.events)
    assert ticket.status is S.ASSIGNED
    # Acknowledgement and first response were never met: both are overdue and looked at again.
    assert ticket.next_sla_check_at == at(105)
    assert ticket.first_response_due_at == at(180)


async def test_a_public_note_while_waiting_is_a_first_response_with_the_pause_so_far(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    assigned = assign(ticket, "mary", BESTPACK, at(5), assignee_id="kevin")
    ticket = await repo.save(assigned.ticket, ticket.version, assigned.events)
    waiting = change_status(ticket, "kevin", BESTPACK, at(100), S.WAITING_ON_CUSTOMER)
    ticket = await repo.save(waiting.ticket, ticket.version, waiting.events)
    note = add_note(ticket, "kevin", BESTPACK, at(150), "We sent the manual", public=True)
    ticket = await repo.save(note.ticket, ticket.version, note.events)
    [event] = note.events
    assert event.visibility is Visibility.PUBLIC
    # Answered at 11:30 against 11:00 + the 50 minutes already paused: on time.
    assert ticket.first_response_at == at(150)
    assert ticket.first_response_due_at == at(170)
