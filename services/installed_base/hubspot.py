"""HubSpotDirectory: the CustomerDirectory port on HubSpot's CRM.

For a customer's name (as the installed base knows it) it finds the HubSpot company, then its
owner's name, its main contact, its open deals and the link to its record page. One search
(HubSpot's scarcest limit) finds both the exact and the close matches; the rest are plain
reads, made side by side. Every HubSpot failure reaches the caller as SourceUnavailable.
"""

from __future__ import annotations

import asyncio
import logging

from services.clients.hubspot import CrmObject, HubSpotClient, HubSpotError
from services.installed_base.hubspot_pick import (
    best_match,
    contact_of,
    contact_order,
    is_exact,
    open_deals,
)
from services.installed_base.model import Company, Contact, Deal, SourceUnavailable

log = logging.getLogger(__name__)

CANDIDATES = 20  # companies read per search: enough for the exact one to be among them
CONTACT_TRIES = 3  # likeliest main contacts read at once, in case one was deleted meanwhile
MOST_DEALS = 100  # deals considered per company (one batch read)


class HubSpotDirectory:
    """The CRM's side of a customer, read from HubSpot."""

    source = "HubSpot"

    def __init__(self, client: HubSpotClient) -> None:
        self._client = client

    async def company(self, name: str) -> Company | None:
        """The HubSpot company best matching a customer's name, if any."""
        try:
            return await self._company(name)
        except HubSpotError as error:
            raise SourceUnavailable(self.source, str(error)) from error
        except ValueError as error:  # an answer not in the shape HubSpot documents
            log.warning("hubspot answered in an unexpected shape: %s", error)
            raise SourceUnavailable(self.source, "it answered in an unexpected shape") from error

    async def _company(self, name: str) -> Company | None:
        page = await self._client.company_page(name, CANDIDATES, prefix=False)
        best = best_match(name, page.results)
        if (best is None or not is_exact(name, best)) and page.total > len(page.results):
            # More companies hold the words than one page shows (oldest first): the exact
            # name may be past it, so ask for that alone.
            exact = await self._client.company_page(name, CANDIDATES, exact=True)
            best = best_match(name, exact.results + page.results)
        if best is None:
            return None
        owner, contact, deals, link = await asyncio.gather(
            self._owner(best),
            self._main_contact(best.id),
            self._open_deals(best.id),
            self._client.account.company_url(best.id),
        )
        return Company(
            ref=best.id,
            name=best.get("name") or name,
            domain=best.get("domain"),
            owner=owner,
            main_contact=contact,
            open_deals=deals,
            link=link,
        )

    async def _owner(self, company: CrmObject) -> str | None:
        owner_id = company.get("hubspot_owner_id")
        if owner_id is None or not owner_id.isdigit():
            return None
        owner = await self._client.owner(owner_id)
        return owner.name if owner is not None else None

    async def _main_contact(self, company_id: str) -> Contact | None:
        likeliest = contact_order(await self._client.contacts_of(company_id))[:CONTACT_TRIES]
        if not likeliest:
            return None
        read = {c.id: c for c in await self._client.contacts(likeliest)}
        first = next((read[i] for i in likeliest if i in read), None)
        return contact_of(first) if first is not None else None

    async def _open_deals(self, company_id: str) -> tuple[Deal, ...]:
        associated = await self._client.deals_of(company_id, most=MOST_DEALS)
        if not associated:
            return ()
        deals = await self._client.deals([a.to_id for a in associated])
        stages = await self._client.account.deal_stages()
        return open_deals(deals, stages)
