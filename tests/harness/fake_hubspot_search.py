"""The fake HubSpot's CRM search: the request body checked as HubSpot documents it, then run.

From HubSpot's CRM search guide and its OpenAPI PublicObjectSearchRequest: at most 5 filter
groups, 10 filters a group and 25 in all (the limits of the August 2024 changelog for
/crm/v3; HubSpot's 2026 guide for the date-versioned API says 6 and 18: the client stays
within both); the documented operators only; `limit` up to 200; `properties` strings; `after`
an integer; no more than 10,000 results paged through; a body under 3,000 characters. A body
that breaks a rule gets 400 VALIDATION_ERROR. Filters are case-insensitive, except IN/NOT_IN
whose values must be lowercase; CONTAINS_TOKEN matches a word of the value, `*` a wildcard.
Groups are ORed, filters in a group ANDed; results come oldest first unless sorted. Range
operators compare dates (hs_lastmodifieddate) as Unix milliseconds, given in either form.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from tests.harness.fake_hubspot_store import Refusal

OPERATORS = {
    "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
    "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
}  # fmt: skip
FIELDS = {"filterGroups", "sorts", "query", "properties", "limit", "after"}
MAX_GROUPS, MAX_PER_GROUP, MAX_FILTERS, MAX_LIMIT, MAX_RESULTS = 5, 10, 25, 200, 10_000
DEFAULTS = {
    "companies": ["name", "domain", "createdate", "hs_lastmodifieddate", "hs_object_id"],
    "contacts": ["firstname", "lastname", "email", "lastmodifieddate", "hs_object_id",
                 "createdate"],
    "deals": ["dealname", "amount", "closedate", "pipeline", "dealstage", "createdate",
              "hs_lastmodifieddate", "hs_object_id"],
    "tickets": ["content", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_category",
                "hs_ticket_priority", "subject", "createdate", "hs_lastmodifieddate",
                "hs_object_id"],
    "notes": ["hs_note_body", "hs_timestamp", "createdate", "hs_lastmodifieddate",
              "hs_object_id"],
}  # fmt: skip
ALWAYS = ("createdate", "hs_lastmodifieddate", "hs_object_id")
# What the free-text `query` searches ("default searchable properties").
SEARCHABLE = {
    "companies": ("website", "phone", "name", "domain"),
    "contacts": ("firstname", "lastname", "email", "phone", "company"),
    "deals": ("dealname", "pipeline", "dealstage", "description", "dealtype"),
    "tickets": ("subject", "content", "hs_pipeline_stage"),
    "notes": ("hs_note_body",),
}
_WORD = re.compile(r"[^\W_]+")


def invalid(message: str) -> Refusal:
    """400 as HubSpot answers a search body it will not run."""
    return Refusal(400, "VALIDATION_ERROR", message)


def check(body: Any) -> None:
    """Refuse (400 VALIDATION_ERROR) a search body HubSpot would refuse."""
    if not isinstance(body, dict):
        raise invalid("Invalid input JSON: expected an object")
    if len(json.dumps(body)) > 3000:
        raise invalid("The request body may not exceed 3000 characters")
    unknown = sorted(set(body) - FIELDS)
    if unknown:
        raise invalid(f"Invalid input JSON: Unrecognized field {unknown[0]!r}")
    groups = body.get("filterGroups", [])
    if not isinstance(groups, list) or len(groups) > MAX_GROUPS:
        raise invalid(f"Too many filter groups: the limit is {MAX_GROUPS}")
    sizes = [len(g.get("filters") or []) if isinstance(g, dict) else 0 for g in groups]
    if any(size > MAX_PER_GROUP for size in sizes) or sum(sizes) > MAX_FILTERS:
        raise invalid(f"Too many filters: {MAX_PER_GROUP} a group and {MAX_FILTERS} in all")
    for group in groups:
        for one in group.get("filters") or []:
            _check_filter(one)
    limit = body.get("limit", 10)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise invalid(f"limit must be an integer from 1 to {MAX_LIMIT}")
    properties = body.get("properties", [])
    if not isinstance(properties, list) or not all(isinstance(p, str) for p in properties):
        raise invalid("properties must be a list of property names (strings)")
    after = body.get("after", "0")
    if not str(after).isdigit():
        raise invalid(f"after must be an integer, not {after!r}")
    if int(after) + limit > MAX_RESULTS:
        raise invalid(f"Search results are limited to {MAX_RESULTS}; page no further")
    if not isinstance(body.get("query", ""), str):
        raise invalid("query must be a string")


def _check_filter(one: Any) -> None:
    if not isinstance(one, dict) or not isinstance(one.get("propertyName"), str):
        raise invalid("Each filter needs a propertyName")
    operator = one.get("operator")
    if operator not in OPERATORS:
        raise invalid(f"Invalid operator {operator!r}: one of {sorted(OPERATORS)}")
    wanted = {"IN": "values", "NOT_IN": "values", "BETWEEN": "highValue"}.get(operator, "value")
    if operator not in {"HAS_PROPERTY", "NOT_HAS_PROPERTY"} and wanted not in one:
        raise invalid(f"Operator {operator} needs {wanted!r}")
    if "value" in one and not isinstance(one["value"], str | int | float | bool):
        raise invalid("A filter's value must be a string")


def run(kind: str, records: list[dict[str, Any]], body: dict[str, Any]) -> dict[str, Any]:
    """The search answer: {total, results, paging.next.after} over `records` (oldest first)."""
    groups = body.get("filterGroups") or []
    query = str(body.get("query") or "").casefold()
    found = [
        r for r in records
        if (not groups or any(all(_holds(r, f) for f in g["filters"]) for g in groups))
        and (not query or any(query in (r["properties"].get(n) or "").casefold()
                              for n in SEARCHABLE[kind]))
    ]  # fmt: skip
    for sort in body.get("sorts") or []:
        name, descending = _sort(sort)
        found.sort(key=lambda r, n=name: (r["properties"].get(n) or "").casefold())
        if descending:
            found.reverse()
    start, limit = int(body.get("after", "0")), body.get("limit", 10)
    page = [shown(kind, r, body.get("properties")) for r in found[start : start + limit]]
    answer: dict[str, Any] = {"total": len(found), "results": page}
    if start + limit < len(found):
        after = str(start + limit)
        answer["paging"] = {"next": {"after": after, "link": f"?after={after}"}}
    return answer


def shown(kind: str, record: dict[str, Any], asked: list[str] | None) -> dict[str, Any]:
    """A record with the properties asked (unset ones as null), or the type's defaults."""
    names = DEFAULTS[kind] if not asked else [*asked, *ALWAYS]
    values = record["properties"]
    known = set(values) | set(DEFAULTS[kind])
    return {**record, "properties": {n: values.get(n) for n in names if n in known}}


def _sort(sort: Any) -> tuple[str, bool]:
    if isinstance(sort, str):  # the OpenAPI form: "name" or "-name"
        return sort.lstrip("-"), sort.startswith("-")
    return str(sort.get("propertyName")), sort.get("direction") == "DESCENDING"


def _holds(record: dict[str, Any], one: dict[str, Any]) -> bool:
    value = record["properties"].get(one["propertyName"])
    operator, given = one["operator"], str(one.get("value", ""))
    if operator in {"HAS_PROPERTY", "NOT_HAS_PROPERTY"}:
        return (value not in (None, "")) == (operator == "HAS_PROPERTY")
    if value in (None, ""):
        return operator in {"NEQ", "NOT_IN", "NOT_CONTAINS_TOKEN"}
    text = str(value).casefold()
    if operator in {"CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN"}:
        pattern = re.compile(".*".join(re.escape(p) for p in given.casefold().split("*")))
        hit = any(pattern.fullmatch(w) for w in [*_WORD.findall(text), text])
        return hit == (operator == "CONTAINS_TOKEN")
    if operator in {"IN", "NOT_IN"}:  # lowercase values only, as documented
        return (text in [str(v) for v in one["values"]]) == (operator == "IN")
    if operator in {"EQ", "NEQ"}:
        return (text == given.casefold()) == (operator == "EQ")
    low, high = _number(given), _number(str(one.get("highValue", "")))
    number = _number(text)
    return {
        "LT": number < low, "LTE": number <= low, "GT": number > low, "GTE": number >= low,
        "BETWEEN": low <= number <= high,
    }[operator]  # fmt: skip


def _number(text: str) -> float:
    """A number, or a date as HubSpot compares dates: Unix milliseconds (stored values are
    ISO 8601, a filter's value is either)."""
    try:
        return float(text)
    except ValueError:
        pass
    try:
        when = datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return float("nan")
    return when.timestamp() * 1000
