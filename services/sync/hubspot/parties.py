"""Who a ticket filed in Teams is from, in HubSpot: the contact by the intake's e-mail and the
company by its name (else the contact's primary company), as the new ticket's associations.

HubSpot ties a ticket from an e-mail to the sender's contact and company itself; a ticket
filed in Teams gets the same two associations here. Nobody is created: a caller HubSpot does
not know leaves the ticket unassociated rather than add a contact the sales team never made.
"""

from __future__ import annotations

from services.clients.hubspot import HubSpotClient
from services.clients.hubspot.tickets import (
    SEARCH_PATIENCE,
    TICKET_TO_CONTACT,
    TICKET_TO_PRIMARY_COMPANY,
    Link,
)
from services.tickets.model import Ticket


async def parties(client: HubSpotClient, ticket: Ticket) -> list[Link]:
    """The associations of the ticket's contact and company, those HubSpot has."""
    contact = None
    if ticket.contact_email:
        contact = await client.tickets.contact_by_email(ticket.contact_email)
    company_id = None
    if ticket.company:
        page = await client.company_page(ticket.company, 1, exact=True, patience=SEARCH_PATIENCE)
        company_id = page.results[0].id if page.results else None
    if company_id is None and contact is not None:
        company_id = await client.tickets.primary_company_of(contact.id)
    links = [Link(contact.id, TICKET_TO_CONTACT)] if contact is not None else []
    if company_id is not None:
        links.append(Link(company_id, TICKET_TO_PRIMARY_COMPANY))
    return links
