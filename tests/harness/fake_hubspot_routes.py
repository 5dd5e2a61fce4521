"""The fake HubSpot's endpoints: what each answers, from HubSpot's API reference.

POST /crm/v3/objects/{type}/search, GET /crm/v3/objects/{type}/{id}, POST
/crm/v3/objects/{type}/batch/read (207 with an error for ids it does not have), GET
/crm/v4/objects/{type}/{id}/associations/{toType} (500 a page), GET /crm/v3/owners/{id},
GET /crm/v3/pipelines/deals and GET /account-info/v3/details. Object types are named as
HubSpot accepts them: plural, singular, or the object type id (0-1, 0-2, 0-3, 0-5, 0-46).
Creating and changing tickets and notes is fake_hubspot_tickets'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from tests.harness import fake_hubspot_search as search
from tests.harness.fake_hubspot_store import SINGULAR, TYPE_IDS, HubSpotStore, Refusal, stamp

Answer = tuple[int, dict[str, Any]]
_TYPE = r"([a-z0-9-]+)"


def _kind(name: str) -> str:
    kind = TYPE_IDS.get(name) or SINGULAR.get(name) or name
    if kind not in {"companies", "contacts", "deals", "tickets", "notes"}:
        raise Refusal(400, "VALIDATION_ERROR", f"Unable to infer object type from: {name}")
    return kind


def _properties(query: dict[str, list[str]]) -> list[str] | None:
    # Sent as one comma-separated value or repeated (style form, explode true): both work.
    names = [n for value in query.get("properties", []) for n in value.split(",") if n]
    return names or None


def do_search(store: HubSpotStore, query, body, name: str) -> Answer:
    """POST /crm/v3/objects/{type}/search."""
    kind = _kind(name)
    search.check(body)
    return 200, search.run(kind, store.live(kind), body)


def read(store: HubSpotStore, query, body, name: str, record_id: str) -> Answer:
    """GET /crm/v3/objects/{type}/{id}."""
    kind = _kind(name)
    record = store.records[kind].get(record_id)
    if record is None or record["archived"]:
        raise Refusal(404, "OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric.")
    return 200, search.shown(kind, record, _properties(query))


def batch_read(store: HubSpotStore, query, body, name: str) -> Answer:
    """POST /crm/v3/objects/{type}/batch/read."""
    kind = _kind(name)
    inputs = body.get("inputs") if isinstance(body, dict) else None
    if not isinstance(inputs, list) or not all(isinstance(i, dict) and "id" in i for i in inputs):
        raise search.invalid('inputs must be a list of {"id": ...}')
    if len(inputs) > 100:
        raise search.invalid("Batch input may not exceed 100 inputs")
    asked = body.get("properties") or None
    if asked is not None and not all(isinstance(p, str) for p in asked):
        raise search.invalid("properties must be a list of property names (strings)")
    now = stamp(datetime.now(UTC))
    results, missing = [], []
    for one in inputs:
        record = store.records[kind].get(str(one["id"]))
        if record is None or record["archived"]:
            missing.append(str(one["id"]))
        else:
            results.append(search.shown(kind, record, asked))
    answer: dict[str, Any] = {
        "status": "COMPLETE", "results": results, "startedAt": now, "completedAt": now,
    }  # fmt: skip
    if not missing:
        return 200, answer
    error = {
        "status": "error", "category": "OBJECT_NOT_FOUND", "context": {"ids": missing},
        "message": f"Could not get some {kind.upper()} objects, they may be deleted or not "
        "exist. Check that ids are valid.",
    }  # fmt: skip
    return 207, answer | {"numErrors": 1, "errors": [error]}


def associations(store: HubSpotStore, query, body, name: str, record_id: str, to: str) -> Answer:
    """GET /crm/v4/objects/{type}/{id}/associations/{toType}."""
    kind, to_kind = _kind(name), _kind(to)
    raw_limit, raw_after = query.get("limit", ["500"])[0], query.get("after", ["0"])[0]
    if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 500 or not raw_after.isdigit():
        raise search.invalid("limit must be 1 to 500 and after a paging cursor")
    linked = store.links.get((kind, record_id, to_kind), {})
    live = [(i, t) for i, t in linked.items() if not store.records[to_kind][i]["archived"]]
    start, limit = int(raw_after), int(raw_limit)
    shown = live[start : start + limit]
    results = [{"toObjectId": int(i), "associationTypes": t} for i, t in shown]
    answer: dict[str, Any] = {"results": results}
    if start + limit < len(live):
        answer["paging"] = {"next": {"after": str(start + limit)}}
    return 200, answer


def owner(store: HubSpotStore, query, body, owner_id: str) -> Answer:
    """GET /crm/v3/owners/{id}."""
    found = store.owners.get(owner_id)
    if found is None or found["archived"]:
        raise Refusal(404, "OBJECT_NOT_FOUND", f"No owner found with id {owner_id}")
    return 200, found


def pipelines(store: HubSpotStore, query, body) -> Answer:
    """GET /crm/v3/pipelines/deals."""
    return 200, {"results": store.pipelines()}


def details(store: HubSpotStore, query, body) -> Answer:
    """GET /account-info/v3/details."""
    return 200, store.details()


Handler = Callable[..., Answer]
ROUTES: list[tuple[str, re.Pattern[str], Handler]] = [
    ("POST", re.compile(rf"/crm/v3/objects/{_TYPE}/search"), do_search),
    ("POST", re.compile(rf"/crm/v3/objects/{_TYPE}/batch/read"), batch_read),
    ("GET", re.compile(rf"/crm/v3/objects/{_TYPE}/(\d+)"), read),
    ("GET", re.compile(rf"/crm/v4/objects/{_TYPE}/(\d+)/associations/{_TYPE}"), associations),
    ("GET", re.compile(r"/crm/v3/owners/(\d+)"), owner),
    ("GET", re.compile(r"/crm/v3/pipelines/deals"), pipelines),
    ("GET", re.compile(r"/account-info/v3/details"), details),
]
