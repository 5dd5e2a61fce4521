"""The fake NetSuite's endpoints, each answering as Oracle's REST web services guide shows.

Records ("Creating a Record Instance", "Using the Upsert Operation", "Getting a Record
Instance"): POST /services/rest/record/v1/{type} -> 204, no body, Location naming the new
record; PUT .../{type}/eid:{externalId} -> 204 and Location, creating or updating; GET
.../{type}/{id or eid:…}?fields=a,b -> the record (only those fields), 404 NONEXISTENT_ID.
SuiteQL ("Executing SuiteQL Queries Through REST Web Services", "Collection Paging"): POST
/services/rest/query/v1/suiteql?limit=&offset= with `Prefer: transient` and {"q": "..."} ->
{links, count, hasMore, items: [{links: [], ...}], offset, totalResults}.
"""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from tests.harness.fake_netsuite_sql import SuiteQLError, run
from tests.harness.fake_netsuite_store import NetSuiteStore

RECORD = re.compile(r"/services/rest/record/v1/([A-Za-z_][A-Za-z0-9_]*)(?:/([^/]+))?")
SUITEQL = "/services/rest/query/v1/suiteql"
_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_TYPES = {
    400: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1",
    404: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5",
    405: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.6",
    429: "https://tools.ietf.org/html/rfc6585#section-4",
    503: "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.4",
}
_TITLES = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
           429: "Too Many Requests", 503: "Service Unavailable"}  # fmt: skip


def problem(status: int, detail: str, code: str) -> web.Response:
    """NetSuite's error body: RFC 7807-style with o:errorDetails."""
    body = {
        "type": _TYPES.get(status, _TYPES[400]),
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "o:errorDetails": [{"detail": detail, "o:errorCode": code}],
    }
    return web.json_response(
        body, status=status, content_type="application/vnd.oracle.resource+json"
    )


def records(
    store: NetSuiteStore, method: str, here: str, path: str, query: dict[str, str], body: Any
) -> web.Response:
    """The record service."""
    match = RECORD.fullmatch(path)
    assert match is not None
    record_type, ref = match.groups()
    if store.table_of(record_type) is None:
        return problem(404, f"Record type '{record_type}' does not exist.", "NONEXISTENT_RCRD_TYPE")
    if method == "POST" and ref is None:
        if not isinstance(body, dict):
            return problem(400, "The request body must be a JSON object.", "INVALID_CONTENT")
        record_id = store.create(record_type, body)
        return _written(here, record_type, record_id)
    if method == "PUT" and ref is not None and ref.startswith("eid:"):
        external_id = ref[4:]
        if not _EXTERNAL_ID.match(external_id) or not isinstance(body, dict):
            return problem(400, "Invalid external ID or request body.", "INVALID_CONTENT")
        record_id = store.by_external_id(record_type, external_id)
        if record_id is None:
            record_id = store.create(record_type, body, external_id)
        else:
            store.update(record_type, record_id, body)
        return _written(here, record_type, record_id)
    if method == "GET" and ref is not None:
        return _read(store, here, record_type, ref, query)
    return problem(405, f"{method} is not allowed on this resource.", "METHOD_NOT_ALLOWED")


def _written(here: str, record_type: str, record_id: str) -> web.Response:
    location = f"{here}/services/rest/record/v1/{record_type}/{record_id}"
    return web.Response(status=204, headers={"Location": location})


def _read(
    store: NetSuiteStore, here: str, record_type: str, ref: str, query: dict[str, str]
) -> web.Response:
    record_id = store.by_external_id(record_type, ref[4:]) if ref.startswith("eid:") else ref
    document = store.records.get((record_type, record_id or ""))
    if document is None:
        detail = "The record instance does not exist. Provide a valid record instance ID."
        return problem(404, detail, "NONEXISTENT_ID")
    full = {"id": record_id, **document}
    if "fields" in query:
        wanted = {f.strip() for f in query["fields"].split(",") if f.strip()}
        full = {k: v for k, v in full.items() if k in wanted}
    self_link = f"{here}/services/rest/record/v1/{record_type}/{record_id}"
    return web.json_response({"links": [{"rel": "self", "href": self_link}], **full})


def suiteql(
    store: NetSuiteStore, here: str, query: dict[str, str], body: Any, prefer: str | None
) -> web.Response:
    """Run the query, then page it by limit (1-1000, default 1000) and offset."""
    if (prefer or "").strip().lower() != "transient":
        return problem(400, "The Prefer header must be 'transient' for SuiteQL.", "INVALID_HEADER")
    if not isinstance(body, dict) or not isinstance(body.get("q"), str) or set(body) != {"q"}:
        return problem(400, 'The request body must be {"q": "<SuiteQL query>"}.', "INVALID_CONTENT")
    try:
        limit, offset = int(query.get("limit", "1000")), int(query.get("offset", "0"))
    except ValueError:
        limit = offset = -1
    if not 1 <= limit <= 1000 or offset < 0 or set(query) - {"limit", "offset"}:
        return problem(
            400, "Invalid query parameter: limit is 1-1000, offset 0 or more.", "INVALID_PARAMETER"
        )
    try:
        rows = run(store.db, body["q"])
    except SuiteQLError as error:
        return problem(400, str(error), "INVALID_PARAMETER")
    page = rows[offset : offset + limit]
    more = offset + limit < len(rows)
    url = f"{here}{SUITEQL}"
    links = [{"rel": "self", "href": f"{url}?limit={limit}&offset={offset}"}]
    if more:
        links.insert(0, {"rel": "next", "href": f"{url}?limit={limit}&offset={offset + limit}"})
    return web.json_response(
        {
            "links": links,
            "count": len(page),
            "hasMore": more,
            "items": [{"links": [], **row} for row in page],
            "offset": offset,
            "totalResults": len(rows),
        }
    )
