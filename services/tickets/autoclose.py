"""Process 8's silent close: what a scheduler runs to close tickets the customer never answered."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from services.db.schema import tickets
from services.scheduler.skipping import SkippedItems, skipped_items
from services.tickets.closure import auto_close, auto_close_refusal
from services.tickets.customer_message import Purpose, last_sent
from services.tickets.errors import StaleTicket
from services.tickets.model import Ticket
from services.tickets.queues import in_roles
from services.tickets.statuses import TicketStatus

if TYPE_CHECKING:
    from services.app_services import AppServices

log = logging.getLogger(__name__)


async def close_silent_tickets(
    services: AppServices, now: datetime, skipped: SkippedItems | None = None
) -> list[str]:
    """Close every ticket the closure policy lets close by itself at `now`; their numbers.

    Safe to run as often as a scheduler likes: a ticket not yet due is left alone, and one
    that someone changed while this ran is left for the next run to look at again. One that
    cannot be read or closed is skipped, logged once (in `skipped`, the process's by default),
    and the others still close.
    """
    if skipped is None:
        skipped = skipped_items(f"Auto-close ({services.profile.name})", "ticket id")
    closed: list[str] = []
    for ticket in await silent_candidates(services, now, skipped):
        try:
            if await _close(services, ticket, now):
                closed.append(ticket.number)
        except Exception as error:  # this ticket's own failure: the others still close
            skipped.skip(ticket.id, error, now)
        else:
            skipped.handled(ticket.id)
    return closed


async def _close(services: AppServices, ticket: Ticket, now: datetime) -> bool:
    """Close the ticket if the policy lets it close by itself now; whether it closed."""
    profile = services.profile
    warned = await warned_at(services, ticket)
    if auto_close_refusal(ticket, profile, now, warned) is not None:
        return False
    change = auto_close(ticket, profile, now, warned)
    try:
        await services.tickets.save(change.ticket, ticket.version, change.events)
    except StaleTicket:
        return False
    return True


async def warned_at(services: AppServices, ticket: Ticket) -> datetime | None:
    """When the customer was warned of the close in the ticket's current status; None when they
    were not, or the profile does not warn (its timeline is only read when it does)."""
    if services.profile.closure.warn_customer_after_business_days is None:
        return None
    since = ticket.status_changed_at or ticket.updated_at
    return last_sent(await services.tickets.events(ticket.id), Purpose.CLOSE_WARNING, since)


async def silent_candidates(
    services: AppServices, now: datetime, skipped: SkippedItems
) -> list[Ticket]:
    """The tickets in a status that closes by itself; one that cannot be read is skipped.

    The closure reminders look at the same tickets.
    """
    roles = services.profile.auto_close_roles
    try:
        return await services.tickets.with_status(roles)
    except Exception as error:
        log.warning("reading the tickets to close failed (%s); reading them one by one", error)
    # The ids alone: if even they cannot be read, the run fails as it should.
    ids = await _ids_in(services, roles)
    return await skipped.each(ids, services.tickets.get_by_id, now)


async def _ids_in(services: AppServices, roles: Iterable[TicketStatus]) -> list[int]:
    """The ids of the profile's tickets in these status roles."""
    query = (
        select(tickets.c.id)
        .where(tickets.c.profile == services.profile.name, in_roles(roles))
        .order_by(tickets.c.id)
    )
    async with services.db.engine.connect() as connection:
        return list((await connection.scalars(query)).all())
