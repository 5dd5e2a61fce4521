"""Which open tickets are due status updates: escalated to Engineering, or on intake (both
databases)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from types import SimpleNamespace

from services.db import Database
from services.profile import load_profile
from services.routines.escalated import escalated_open
from services.tickets import TicketRepository, check_draft, draft_from_answers
from services.tickets.escalating import escalated_at_intake, intake_escalations
from services.tickets.workflow import acknowledge, assign, resolve
from tests.harness.routines import ANSWERS

KINETIC = load_profile("kinetic")
MONDAY_9AM = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


async def test_production_tickets_escalated_on_intake_and_engineering_s_are_found(
    database: Database,
) -> None:
    repo = TicketRepository(database, KINETIC)

    async def filed(**answers):
        draft = check_draft(draft_from_answers(KINETIC, ANSWERS | answers), KINETIC)
        ticket, _ = await repo.create(draft, "sam", None, MONDAY_9AM)
        found = intake_escalations(KINETIC, ticket.fields)
        if not found:
            return ticket
        change = escalated_at_intake(ticket, found, MONDAY_9AM)
        return await repo.save(change.ticket, ticket.version, change.events)

    production = await filed(environment="production")
    await filed(environment="test")
    flagged = await filed(environment="dev")
    await repo.save(replace(flagged, escalated=True), flagged.version, [])
    # A production ticket already resolved is due no update any more.
    current = await filed(environment="production")
    for step in (
        lambda t: acknowledge(t, "sam", KINETIC, MONDAY_9AM),
        lambda t: assign(t, "sam", KINETIC, MONDAY_9AM, assignee_id="sam"),
        lambda t: resolve(t, "sam", KINETIC, MONDAY_9AM, "Restarted the engine"),
    ):
        change = step(current)
        current = await repo.save(change.ticket, current.version, change.events)

    services = SimpleNamespace(profile=KINETIC, db=database, tickets=repo)
    found = await escalated_open(services)  # type: ignore[arg-type]
    assert [t.number for t in found] == [production.number, flagged.number]
