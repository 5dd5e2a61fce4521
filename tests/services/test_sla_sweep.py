"""The SLA sweep on SQLite and PostgreSQL: only due tickets, each alert pending until recorded."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from services.db import Database
from services.db.schema import tickets
from services.sla.policy import Deadline, Threshold
from services.sla.sweep import SlaAlert, SlaSweep
from services.tickets import TicketRepository
from services.tickets.workflow import acknowledge, assign
from tests.fixtures.databases import OpenDatabase
from tests.harness.domain import BESTPACK, DRAFT, MONDAY_9AM

D, T = Deadline, Threshold


def at(minutes: float):
    """Monday 30 Nov 2026, this many minutes after 09:00 Pacific."""
    return MONDAY_9AM + timedelta(minutes=minutes)


async def sweep_once(sweep: SlaSweep, now) -> list[SlaAlert]:
    """One sweep whose sending all went well: what was pending, now recorded."""
    batch = await sweep.pending(now)
    await sweep.record(batch)
    return batch.alerts


async def next_checks(db: Database) -> dict[str, object]:
    """Each ticket's next_sla_check_at by number."""
    async with db.engine.connect() as connection:
        rows = await connection.execute(select(tickets.c.number, tickets.c.next_sla_check_at))
        return dict(rows.all())


async def test_only_tickets_whose_check_has_come_are_looked_at(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    early, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    late, _ = await repo.create(DRAFT, "mary", None, at(30))
    sweep = SlaSweep(database, BESTPACK)

    assert await sweep_once(sweep, at(44)) == []
    assert await next_checks(database) == {early.number: at(45), late.number: at(75)}

    [alert] = await sweep_once(sweep, at(45))
    assert (alert.ticket.number, alert.deadline, alert.threshold) == (
        early.number,
        D.ACKNOWLEDGE,
        T.WARNING,
    )
    assert (alert.due_at, alert.at) == (at(60), at(45))
    # The first response warning (at 09:45 + 60) is next; the later ticket was not touched.
    assert await next_checks(database) == {early.number: at(60), late.number: at(75)}


async def test_each_threshold_is_recorded_once_across_sweeps_and_replicas(
    database: Database, open_database: OpenDatabase
) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    replica = SlaSweep(await open_database(database), BESTPACK)
    sweep = SlaSweep(database, BESTPACK)

    # Racing replicas both find the alert: each queues it under the same outbox keys.
    both = await asyncio.gather(sweep.pending(at(61)), replica.pending(at(61)))
    for batch in both:
        # The acknowledgement warning is moot once it is breached: only the breach goes out.
        assert [(a.deadline, a.threshold) for a in batch.alerts] == [(D.ACKNOWLEDGE, T.BREACH)]
    await asyncio.gather(sweep.record(both[0]), replica.record(both[1]))
    assert await sweep_once(sweep, at(61)) == [] and await sweep_once(replica, at(62)) == []
    recorded = await sweep.recorded(ticket.id)
    assert [(r.deadline, r.threshold, r.due_at) for r in recorded] == [
        (D.ACKNOWLEDGE, T.BREACH, at(60))
    ]


async def test_an_alert_stays_pending_and_due_until_recorded(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    first, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    second, _ = await repo.create(DRAFT, "mary", None, at(1))
    sweep = SlaSweep(database, BESTPACK)

    crashed = await sweep.pending(at(46))  # found, then the process died before recording
    assert [a.ticket.number for a in crashed.alerts] == [first.number, second.number]
    assert await next_checks(database) == {first.number: at(45), second.number: at(46)}
    assert await sweep.recorded(first.id) == []

    retry = await sweep.pending(at(47))
    assert [(a.ticket.number, a.threshold) for a in retry.alerts] == [
        (first.number, T.WARNING),
        (second.number, T.WARNING),
    ]
    # Sending failed for the second ticket: only the first is recorded and moved on.
    await sweep.record(retry, failed={second.id})
    assert [r.alerted_at for r in await sweep.recorded(first.id)] == [at(47)]
    assert await sweep.recorded(second.id) == []
    assert await next_checks(database) == {first.number: at(60), second.number: at(46)}
    assert [a.ticket.number for a in await sweep_once(sweep, at(48))] == [second.number]


async def test_a_met_deadline_raises_nothing_and_a_save_does_not_repeat_an_alert(
    database: Database,
) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    sweep = SlaSweep(database, BESTPACK)
    [warning] = await sweep_once(sweep, at(50))
    assert (warning.deadline, warning.threshold) == (D.ACKNOWLEDGE, T.WARNING)

    # Assigning recomputes the next check from every unmet threshold, the warning included...
    change = assign(ticket, "mary", BESTPACK, at(52), assignee_id="kevin")
    ticket = await repo.save(change.ticket, ticket.version, change.events)
    assert ticket.next_sla_check_at == at(45)
    # ...and the sweep's second look finds it already recorded.
    assert await sweep_once(sweep, at(53)) == []
    change = acknowledge(ticket, "kevin", BESTPACK, at(55))
    ticket = await repo.save(change.ticket, ticket.version, change.events)
    # Acknowledged in time; the first response is not due yet.
    assert await sweep_once(sweep, at(100)) == []
    [first] = await sweep_once(sweep, at(106))
    assert (first.deadline, first.threshold, first.ticket.assignee_id) == (
        D.FIRST_RESPONSE,
        T.WARNING,
        "kevin",
    )


async def test_the_sweep_never_makes_someones_save_stale(database: Database) -> None:
    repo = TicketRepository(database, BESTPACK)
    ticket, _ = await repo.create(DRAFT, "mary", None, MONDAY_9AM)
    await sweep_once(SlaSweep(database, BESTPACK), at(50))
    # Mary read the ticket before the sweep touched it; her save still goes through.
    change = assign(ticket, "mary", BESTPACK, at(51), assignee_id="kevin")
    saved = await repo.save(change.ticket, ticket.version, change.events)
    assert saved.version == ticket.version + 1
    assert saved.next_sla_check_at == at(45), "her save sets the next check from the deadlines"


async def test_the_sweep_reads_through_the_next_check_index(sqlite_database: Database) -> None:
    # Cost must follow the tickets due: a plan that scans the profile's tickets would not.
    query = SlaSweep(sqlite_database, BESTPACK).due_query(MONDAY_9AM, 10)
    sql = str(query.compile(sqlite_database.engine.sync_engine))
    params = query.compile(sqlite_database.engine.sync_engine).params
    async with sqlite_database.engine.connect() as connection:
        plan = (
            await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", tuple(params.values()))
        ).all()
    details = [row[-1] for row in plan]
    assert details[0].startswith("SEARCH tickets USING INDEX ix_tickets_profile_next_sla_check_at")
    assert not any("TEMP B-TREE" in detail for detail in details), details
