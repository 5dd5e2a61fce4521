"""The account around the records: its portal id and web host (for links) and its deal stages.

Both change rarely and every BP Search card needs them, so they are read once and kept: the
account details for the client's life (a token belongs to one account), the deal pipelines
for an hour (an admin may rename a stage).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable

from services.clients.hubspot.api import HubSpotApi
from services.clients.hubspot.models import AccountDetails, Pipeline, Stage

STAGES_SECONDS = 3600.0
_HOST = re.compile(r"app(-[a-z0-9]+)?\.hubspot\.com")
COMPANY_TYPE_ID = "0-2"  # HubSpot's object type id for companies, as in its record URLs


class Account:
    """GET /account-info/v3/details and GET /crm/v3/pipelines/deals, cached."""

    def __init__(self, api: HubSpotApi, clock: Callable[[], float] = time.monotonic) -> None:
        self._api = api
        self._clock = clock
        self._lock = asyncio.Lock()  # one read when many cards ask at once
        self._details: AccountDetails | None = None
        self._stages: tuple[float, dict[str, Stage]] | None = None

    async def details(self) -> AccountDetails:
        """The account's portal id and web host, read once."""
        if self._details is None:
            async with self._lock:
                if self._details is None:
                    answer = await self._api.call("GET", "/account-info/v3/details")
                    self._details = AccountDetails.model_validate(answer)
        return self._details

    async def deal_stages(self) -> dict[str, Stage]:
        """Every deal pipeline's stages by stage id (ids are unique across pipelines)."""
        now = self._clock()
        if self._stages is None or now - self._stages[0] > STAGES_SECONDS:
            async with self._lock:
                if self._stages is None or now - self._stages[0] > STAGES_SECONDS:
                    answer = await self._api.call("GET", "/crm/v3/pipelines/deals")
                    pipelines = [Pipeline.model_validate(p) for p in answer.get("results", [])]
                    stages = {s.id: s for p in pipelines for s in p.stages}
                    self._stages = (self._clock(), stages)
        return self._stages[1]

    async def company_url(self, company_id: str) -> str:
        """Where a person opens the company in HubSpot: the record page on the account's host."""
        details = await self.details()
        host = details.ui_domain if _HOST.fullmatch(details.ui_domain) else "app.hubspot.com"
        if not company_id.isdigit():
            raise ValueError(f"not a HubSpot id: {company_id!r}")
        return f"https://{host}/contacts/{details.portal_id}/record/{COMPANY_TYPE_ID}/{company_id}"
