"""Process 8's silent close: what a scheduler runs to close tickets the customer never answered."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from services.tickets.closure import auto_close, auto_close_refusal
from services.tickets.errors import StaleTicket

if TYPE_CHECKING:
    from services.app_services import AppServices


async def close_silent_tickets(services: AppServices, now: datetime) -> list[str]:
    """Close every ticket the closure policy lets close by itself at `now`; their numbers.

    Safe to run as often as a scheduler likes: a ticket not yet due is left alone, and one
    that someone changed while this ran is left for the next run to look at again.
    """
    profile = services.profile
    closed: list[str] = []
    for ticket in await services.tickets.with_status(profile.closure.auto_close_from):
        if auto_close_refusal(ticket, profile, now) is not None:
            continue
        change = auto_close(ticket, profile, now)
        try:
            await services.tickets.save(change.ticket, ticket.version, change.events)
        except StaleTicket:
            continue
        closed.append(ticket.number)
    return closed
