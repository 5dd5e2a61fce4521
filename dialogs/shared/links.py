"""Where a ticket is in the system of record, for the cards: "Zendesk #4711" and its link."""

from __future__ import annotations

from cards.fit import Linker, RecordLink
from services.app_services import AppServices
from services.tickets import Ticket


def record_link(services: AppServices, ticket: Ticket) -> RecordLink | None:
    """The ticket in Zendesk's agent view, once it was filed there (None without Zendesk)."""
    config = services.settings.zendesk
    zendesk_id = ticket.external_id or ""
    if services.zendesk is None or config is None or not zendesk_id.isdigit():
        return None
    return RecordLink(f"Zendesk #{zendesk_id}", config.agent_url(int(zendesk_id)))


def linker(services: AppServices) -> Linker:
    """record_link for each ticket of a list."""
    return lambda ticket: record_link(services, ticket)


async def number_link(services: AppServices, number: str | None) -> RecordLink | None:
    """record_link for the ticket a parts or service request names by its number."""
    if not number or services.zendesk is None:
        return None
    ticket = await services.tickets.get(number)
    return record_link(services, ticket) if ticket is not None else None
