"""The NetSuite client: SuiteQL look-ups and REST records, on the app's shared httpx client.

Endpoints as Oracle documents them (SuiteTalk REST Web Services): POST
/services/rest/query/v1/suiteql?limit=&offset= with `Prefer: transient` and {"q": ...};
POST /services/rest/record/v1/{type} answers 204 with the new record's URL in Location and no
body; PUT /services/rest/record/v1/{type}/eid:{externalId} is the upsert (creates the record,
or updates the one already carrying that external id); GET .../{type}/{id}?fields=a,b reads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from services.clients.netsuite.api import NetSuiteApi, json_object
from services.clients.netsuite.auth import TokenSigner
from services.clients.netsuite.config import NetSuiteConfig
from services.clients.netsuite.errors import NetSuiteRejected, NetSuiteUnavailable
from services.clients.netsuite.models import SuiteQLPage, page_of

RECORDS = "/services/rest/record/v1"
SUITEQL = "/services/rest/query/v1/suiteql"
LOOKUP_TIMEOUT = 5.0  # seconds; a person is waiting on a look-up, not on a write
MAX_PAGE = 1000  # NetSuite's largest page
MAX_ROWS = 100_000  # NetSuite's cap on one SuiteQL query's results
_RECORD_TYPE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,98}$")
# "Using External IDs": letters, numbers, underscore and hyphen.
_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9_-]{1,100}$")
_INTERNAL_ID = re.compile(r"^[0-9]{1,19}$")


class NetSuiteClient:
    """One NetSuite account: SuiteQL and the record service."""

    def __init__(
        self,
        config: NetSuiteConfig,
        http: httpx.AsyncClient,
        signer: TokenSigner | None = None,
    ) -> None:
        self.config = config
        self._api = NetSuiteApi(config, http, signer)

    async def suiteql(
        self, query: str, *, limit: int = 100, offset: int = 0, timeout: float = LOOKUP_TIMEOUT
    ) -> SuiteQLPage:
        """One page of a SuiteQL query's rows; every value a string or None, as NetSuite sends."""
        if not 1 <= limit <= MAX_PAGE or not 0 <= offset < MAX_ROWS:
            raise ValueError(f"limit must be 1-{MAX_PAGE} and offset 0-{MAX_ROWS - 1}")
        response = await self._api.call(
            "POST",
            SUITEQL,
            params={"limit": limit, "offset": offset},
            body={"q": query},
            headers={"Prefer": "transient"},
            timeout=timeout,
        )
        return page_of(json_object(response, "a SuiteQL query"))

    async def suiteql_rows(
        self,
        query: str,
        *,
        max_rows: int,
        page_size: int = MAX_PAGE,
        timeout: float = LOOKUP_TIMEOUT,
    ) -> list[dict[str, str | None]]:
        """The query's rows page by page, at most `max_rows` of them (bounded: a query that
        matches too much is cut off, never read whole)."""
        if not 1 <= max_rows <= MAX_ROWS:
            raise ValueError(f"max_rows must be 1-{MAX_ROWS}")
        rows: list[dict[str, str | None]] = []
        while len(rows) < max_rows:
            size = min(page_size, max_rows - len(rows))
            page = await self.suiteql(query, limit=size, offset=len(rows), timeout=timeout)
            rows.extend(page.items)
            if not page.has_more or not page.items:
                break
        return rows[:max_rows]

    async def create_record(self, record_type: str, body: Mapping[str, Any]) -> str:
        """Create a record; its new internal id, read from the Location header of the 204."""
        response = await self._api.call("POST", _path(record_type), body=body)
        return _id_from_location(response, record_type)

    async def upsert_record(
        self, record_type: str, external_id: str, body: Mapping[str, Any]
    ) -> str | None:
        """Create the record carrying `external_id`, or update it if it exists: the same call
        twice makes one record. Its internal id when NetSuite says it (Location), else None."""
        path = _path(record_type, _external(external_id))
        response = await self._api.call("PUT", path, body=body)
        location = response.headers.get("Location")
        return _id_from_location(response, record_type) if location else None

    async def get_record(
        self,
        record_type: str,
        ref: str,
        fields: Sequence[str] = (),
        *,
        timeout: float = LOOKUP_TIMEOUT,
    ) -> dict[str, Any]:
        """A record by internal id (or "eid:<external id>"), only `fields` when given."""
        if not (_INTERNAL_ID.match(ref) or ref.startswith("eid:")):
            raise ValueError(f"not a NetSuite record id: {ref!r}")
        if ref.startswith("eid:"):
            ref = _external(ref[4:])
        params = {"fields": ",".join(_field(f) for f in fields)} if fields else None
        response = await self._api.call(
            "GET", _path(record_type, ref), params=params, timeout=timeout
        )
        return json_object(response, f"GET {record_type}")

    async def find_by_external_id(
        self, record_type: str, external_id: str, fields: Sequence[str] = ()
    ) -> dict[str, Any] | None:
        """The record carrying `external_id`, or None when there is none (404)."""
        try:
            return await self.get_record(record_type, f"eid:{external_id}", fields)
        except NetSuiteRejected as refused:
            if refused.status == 404:
                return None
            raise


def _path(record_type: str, ref: str | None = None) -> str:
    if not _RECORD_TYPE.match(record_type):
        raise ValueError(f"not a NetSuite record type: {record_type!r}")
    return f"{RECORDS}/{record_type}" + (f"/{ref}" if ref else "")


def _external(external_id: str) -> str:
    if not _EXTERNAL_ID.match(external_id):
        raise ValueError(f"an external id takes letters, digits, _ and - only: {external_id!r}")
    return f"eid:{external_id}"


def _field(name: str) -> str:
    if not _RECORD_TYPE.match(name):
        raise ValueError(f"not a NetSuite field id: {name!r}")
    return name


def _id_from_location(response: httpx.Response, record_type: str) -> str:
    """The internal id at the end of Location: .../record/v1/job/647 -> "647"."""
    location = response.headers.get("Location", "")
    last = location.rstrip("/").rsplit("/", 1)[-1]
    if not _INTERNAL_ID.match(last):
        # Applied or not, the answer is unusable: a retry's upsert finds what was made.
        raise NetSuiteUnavailable(f"NetSuite wrote a {record_type} but named no id: {location!r}")
    return last
