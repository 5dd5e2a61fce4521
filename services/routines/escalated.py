"""Which open tickets are escalated, as status updates count them: escalated to Engineering
(the ticket's `escalated`), or escalated on intake by a profile rule (Kinetic's production
tickets: an `escalated_at_intake` event on the timeline; the ticket stays with its owner)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from services.db.schema import ticket_events, tickets
from services.tickets.model import EventKind, Ticket
from services.tickets.queues import unsolved
from services.tickets.statuses import OPEN

if TYPE_CHECKING:
    from services.app_services import AppServices


async def escalated_at_intake(services: AppServices) -> set[int]:
    """The ids of the profile's open tickets an intake rule escalated (one query)."""
    query = (
        select(ticket_events.c.ticket_id)
        .join(tickets, tickets.c.id == ticket_events.c.ticket_id)
        .where(
            unsolved(services.profile),
            ticket_events.c.kind == EventKind.ESCALATED_AT_INTAKE.value,
        )
        .distinct()
    )
    async with services.db.engine.connect() as connection:
        return set((await connection.scalars(query)).all())


async def escalated_open(services: AppServices) -> list[Ticket]:
    """The profile's open tickets escalated either way, oldest first."""
    at_intake = await escalated_at_intake(services)
    return [
        ticket
        for ticket in await services.tickets.with_status(OPEN)
        if ticket.escalated or ticket.id in at_intake
    ]
