"""The HubSpot client BP Search and a HubSpot profile's tickets use."""

from __future__ import annotations

import httpx

from services.clients.hubspot.account import Account
from services.clients.hubspot.api import HubSpotApi, Pace
from services.clients.hubspot.config import HubSpotConfig
from services.clients.hubspot.conversations import Conversations
from services.clients.hubspot.crm import Crm
from services.clients.hubspot.models import Association, CrmObject, Owner, SearchPage
from services.clients.hubspot.search import company_name_search
from services.clients.hubspot.ticket_setup import TicketSetup
from services.clients.hubspot.tickets import Tickets

COMPANY_PROPERTIES = ("name", "domain", "hubspot_owner_id")
CONTACT_PROPERTIES = ("firstname", "lastname", "email", "phone")
# hs_is_closed is HubSpot's own "closed won or lost" flag; the stage covers accounts without it.
DEAL_PROPERTIES = ("dealname", "dealstage", "pipeline", "amount", "hs_is_closed", "createdate")


class HubSpotClient:
    """One HubSpot account, spoken to on the app's shared httpx client."""

    def __init__(
        self, config: HubSpotConfig, http: httpx.AsyncClient, pace: Pace | None = None
    ) -> None:
        api = HubSpotApi(config, http, pace)
        self.config = config
        self.crm = Crm(api)
        self.account = Account(api)
        # Tickets as the system of record (a profile's system_of_record = "hubspot").
        self.tickets = Tickets(api, self.crm)
        self.ticket_setup = TicketSetup(api)
        # Replies to customers in their conversation threads (the routines' messages).
        self.conversations = Conversations(api)

    async def companies_named(
        self, text: str, limit: int = 10, *, prefix: bool = True, patience: float | None = None
    ) -> list[CrmObject]:
        """Companies named `text` exactly or containing its words (the last one as a prefix
        unless `prefix` is False), oldest first as HubSpot lists them; typed text is welcome
        as it is."""
        page = await self.company_page(text, limit, prefix=prefix, patience=patience)
        return page.results

    async def company_page(
        self,
        text: str,
        limit: int = 10,
        *,
        prefix: bool = True,
        exact: bool = False,
        patience: float | None = None,
    ) -> SearchPage:
        """The first page of that search with its total (only exact names when `exact`)."""
        body = company_name_search(text, COMPANY_PROPERTIES, limit, prefix, exact)
        if body is None:
            return SearchPage()
        return await self.crm.search("companies", body, patience=patience)

    async def company(self, company_id: str) -> CrmObject | None:
        """One company with its name, domain and owner id."""
        return await self.crm.read("companies", company_id, COMPANY_PROPERTIES)

    async def contacts_of(self, company_id: str) -> list[Association]:
        """The company's contacts, with the labels of each association."""
        return await self.crm.associations("companies", company_id, "contacts")

    async def contacts(self, ids: list[str]) -> list[CrmObject]:
        """Contacts by id, with name, e-mail and phone."""
        return await self.crm.batch_read("contacts", ids, CONTACT_PROPERTIES)

    async def deals_of(self, company_id: str, most: int = 100) -> list[Association]:
        """The company's deals (their associations; at most `most`)."""
        return await self.crm.associations("companies", company_id, "deals", most=most)

    async def deals(self, ids: list[str]) -> list[CrmObject]:
        """Deals by id, with name, stage, amount and whether HubSpot counts them closed."""
        return await self.crm.batch_read("deals", ids, DEAL_PROPERTIES)

    async def owner(self, owner_id: str) -> Owner | None:
        """A record owner by id."""
        return await self.crm.owner(owner_id)
