"""The Harvest client: time entries (Harvest API v2) on the app's shared httpx client."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import httpx

from services.clients.harvest.config import HarvestConfig
from services.clients.harvest.errors import HarvestError, HarvestTransient, classify
from services.clients.harvest.models import NewTimeEntry, TimeEntry
from services.clients.transport import unanswered_as

log = logging.getLogger(__name__)
ENTRIES = "/v2/time_entries"
# Entries that share one external reference are one, or a few a lost answer doubled: one page.
_PER_PAGE = 100


class HarvestClient:
    """One Harvest account, spoken to on the app's shared httpx client (never its own)."""

    def __init__(self, config: HarvestConfig, http: httpx.AsyncClient) -> None:
        self.config = config
        self._http = http

    async def create_time_entry(self, entry: NewTimeEntry) -> TimeEntry:
        """Create a finished entry (201); a HarvestError says why not."""
        return TimeEntry.from_json(await self._call("POST", ENTRIES, body=entry.body()))

    async def time_entries_for(
        self, reference_id: str, *, user_id: int | None = None, on: date | None = None
    ) -> list[TimeEntry]:
        """The entries made for one external reference id (of `user_id`, spent `on`, if given)."""
        params: dict[str, Any] = {"external_reference_id": reference_id, "per_page": _PER_PAGE}
        if user_id is not None:
            params["user_id"] = user_id
        if on is not None:
            params["from"] = params["to"] = on.isoformat()
        answer = await self._call("GET", ENTRIES, params=params)
        found = answer.get("time_entries")
        if not isinstance(found, list):
            raise HarvestTransient(f"Harvest answered GET {ENTRIES} without time_entries")
        return [TimeEntry.from_json(item) for item in found if isinstance(item, dict)]

    async def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The JSON answer to `method path`, or a HarvestError saying what to do about it."""
        with unanswered_as("Harvest", method, path, HarvestTransient):
            response = await self._http.request(
                method,
                self.config.base_url + path,
                params=params,
                json=body,
                headers=self.config.headers(),
            )
        if not response.is_success:
            failure = classify(response)
            log.info("harvest %s %s answered %s: %s", method, path, response.status_code, failure)
            raise failure
        try:
            data = response.json()
        except ValueError as error:
            raise HarvestTransient(f"Harvest answered {method} {path} with no JSON") from error
        if not isinstance(data, dict):
            raise HarvestError(f"Harvest answered {method} {path} with {type(data).__name__}")
        return data
