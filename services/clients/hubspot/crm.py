"""CRM records: search, read one, read a batch, follow associations (v4), read an owner.

`patience` is how long one call may wait on rate limits (None: the client's Pace); the sync
worker passes 0, as it waits out a 429 itself, durably.
"""

from __future__ import annotations

from typing import Any

from services.clients.hubspot.api import HubSpotApi
from services.clients.hubspot.errors import HubSpotRejected
from services.clients.hubspot.models import Association, CrmObject, Owner, SearchPage

OBJECT_TYPES = frozenset({"companies", "contacts", "deals", "tickets", "notes"})
BATCH_SIZE = 100  # HubSpot's batch read takes at most 100 inputs
ASSOCIATION_PAGE = 500  # the v4 associations page maximum
MAX_SEARCH_LIMIT = 200  # results per search page


class Crm:
    """The CRM objects, associations v4 and owners APIs."""

    def __init__(self, api: HubSpotApi) -> None:
        self._api = api

    async def search(
        self, object_type: str, body: dict[str, Any], patience: float | None = None
    ) -> SearchPage:
        """One page of POST /crm/v3/objects/{type}/search with a body HubSpot documents."""
        if not 1 <= int(body.get("limit", 10)) <= MAX_SEARCH_LIMIT:
            raise ValueError(f"a search returns 1 to {MAX_SEARCH_LIMIT} results a page")
        path = f"/crm/v3/objects/{_type(object_type)}/search"
        answer = await self._api.call("POST", path, body=body, patience=patience)
        after = ((answer.get("paging") or {}).get("next") or {}).get("after")
        return SearchPage(
            total=int(answer.get("total") or 0),
            results=[CrmObject.model_validate(r) for r in answer.get("results", [])],
            after=str(after) if after is not None else None,
        )

    async def read(
        self,
        object_type: str,
        object_id: str,
        properties: tuple[str, ...],
        patience: float | None = None,
    ) -> CrmObject | None:
        """One record with these properties; None when HubSpot has none with that id."""
        path = f"/crm/v3/objects/{_type(object_type)}/{_id(object_id)}"
        params = {"properties": ",".join(properties)}
        try:
            answer = await self._api.call("GET", path, params=params, patience=patience)
        except HubSpotRejected as refused:
            if refused.status == 404:
                return None
            raise
        return CrmObject.model_validate(answer)

    async def batch_read(
        self,
        object_type: str,
        ids: list[str],
        properties: tuple[str, ...],
        patience: float | None = None,
    ) -> list[CrmObject]:
        """The records with these ids, in the order asked; ids HubSpot no longer has are left
        out (it answers 207 with an error for them and the others as results)."""
        found: dict[str, CrmObject] = {}
        path = f"/crm/v3/objects/{_type(object_type)}/batch/read"
        wanted = [_id(i) for i in dict.fromkeys(ids)]
        for start in range(0, len(wanted), BATCH_SIZE):
            body = {
                "properties": list(properties),
                "propertiesWithHistory": [],
                "inputs": [{"id": i} for i in wanted[start : start + BATCH_SIZE]],
            }
            answer = await self._api.call("POST", path, body=body, patience=patience)
            for record in answer.get("results", []):
                parsed = CrmObject.model_validate(record)
                found[parsed.id] = parsed
        return [found[i] for i in wanted if i in found]

    async def associations(
        self,
        object_type: str,
        object_id: str,
        to_type: str,
        most: int = 1000,
        patience: float | None = None,
    ) -> list[Association]:
        """The records of `to_type` associated with one record (v4: with their labels), in
        HubSpot's order, at most `most` of them."""
        source = f"{_type(object_type)}/{_id(object_id)}"
        path = f"/crm/v4/objects/{source}/associations/{_type(to_type)}"
        found: list[Association] = []
        params: dict[str, Any] = {"limit": ASSOCIATION_PAGE}
        while len(found) < most:
            answer = await self._api.call("GET", path, params=params, patience=patience)
            found.extend(Association.model_validate(a) for a in answer.get("results", []))
            after = ((answer.get("paging") or {}).get("next") or {}).get("after")
            if not after:
                break
            params = {**params, "after": after}
        return found[:most]

    async def owner(self, owner_id: str) -> Owner | None:
        """An owner by id (GET /crm/v3/owners/{id}); None when gone or deactivated."""
        try:
            answer = await self._api.call("GET", f"/crm/v3/owners/{_id(owner_id)}")
        except HubSpotRejected as refused:
            if refused.status == 404:
                return None
            raise
        return Owner.model_validate(answer)


def _type(object_type: str) -> str:
    if object_type not in OBJECT_TYPES:
        raise ValueError(f"not a CRM object type the bot reads: {object_type!r}")
    return object_type


def _id(value: str) -> str:
    # Record and owner ids are numeric; anything else would change the path.
    text = str(value).strip()
    if not text.isascii() or not text.isdigit():
        raise ValueError(f"not a HubSpot id: {value!r}")
    return text
