"""The fake HubSpot's ticket endpoints, from HubSpot's CRM tickets, notes, pipelines,
properties, owners and associations references.

POST /crm/v3/objects/tickets (properties checked by the ticket schema; subject and
hs_pipeline_stage required; hs_pipeline "0" when left out; associations made with their type
ids, both ways), PATCH /crm/v3/objects/tickets/{id} (404 for a ticket it does not have),
POST /crm/v3/objects/notes (hs_timestamp required, associated as asked), GET
/crm/v3/pipelines/tickets, GET /crm/v3/properties/tickets and GET /crm/v3/owners (?email=).
Reading, searching and following associations of tickets and notes are the generic routes'.
A stage move to a CLOSED stage sets closed_date, as HubSpot does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.harness.fake_hubspot_search import shown
from tests.harness.fake_hubspot_store import TYPES, HubSpotStore, Refusal, stamp

Answer = tuple[int, dict[str, Any]]
# An association type id, from the side a record is created on: the kind it points to.
TARGETS = {type_id: (a, b) for (a, b), ids in TYPES.items() for type_id in ids if type_id}


def _body(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict) or not isinstance(body.get("properties"), dict):
        raise Refusal(400, "VALIDATION_ERROR", 'Invalid input JSON: "properties" is required')
    return body


def _links(store: HubSpotStore, kind: str, body: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(to kind, to id, primary) for each association asked for, refused (400) unless the type
    id goes from `kind` and the record it names exists."""
    found = []
    for one in body.get("associations") or []:
        to_id = str(((one or {}).get("to") or {}).get("id", ""))
        for kind_of in (one or {}).get("types") or []:
            type_id = kind_of.get("associationTypeId")
            pair = TARGETS.get(type_id)
            category = kind_of.get("associationCategory")
            if pair is None or pair[0] != kind or category != "HUBSPOT_DEFINED":
                words = f"{category} {type_id} is not an association type from {kind}"
                raise Refusal(400, "VALIDATION_ERROR", words)
            target = store.records[pair[1]].get(to_id)
            if target is None or target["archived"]:
                words = f"No {pair[1][:-1]} with id {to_id} to associate with"
                raise Refusal(400, "VALIDATION_ERROR", words)
            found.append((pair[1], to_id, TYPES[pair][1] == type_id))
    return found


def _made(store: HubSpotStore, kind: str, body: dict[str, Any]) -> Answer:
    links = _links(store, kind, body)
    record_id = store.create(kind, body["properties"])
    for to_kind, to_id, primary in links:
        store.associate(kind, record_id, to_kind, to_id, primary=primary)
    record = store.records[kind][record_id]
    return 201, shown(kind, record, list(body["properties"]))


def create_ticket(store: HubSpotStore, query, body) -> Answer:
    """POST /crm/v3/objects/tickets."""
    props = _body(body)["properties"]
    store.ticket_schema.check_ticket(props)
    for required in ("subject", "hs_pipeline_stage"):
        if not props.get(required):
            raise Refusal(400, "VALIDATION_ERROR", f"{required} is required to create a ticket")
    props = {"hs_pipeline": "0", **props}
    answer = _made(store, "tickets", {**body, "properties": props})
    _closed_date(store, answer[1]["id"])
    return answer


def update_ticket(store: HubSpotStore, query, body, ticket_id: str) -> Answer:
    """PATCH /crm/v3/objects/tickets/{id}."""
    record = store.records["tickets"].get(ticket_id)
    if record is None or record["archived"]:
        raise Refusal(404, "OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric.")
    props = _body(body)["properties"]
    store.ticket_schema.check_ticket(props, record["properties"])
    store.change("tickets", ticket_id, props)
    _closed_date(store, ticket_id)
    return 200, shown("tickets", record, list(props))


def _closed_date(store: HubSpotStore, ticket_id: str) -> None:
    values = store.records["tickets"][ticket_id]["properties"]
    state = store.ticket_schema.state_of(values["hs_pipeline"], values["hs_pipeline_stage"])
    if state == "CLOSED" and not values.get("closed_date"):
        values["closed_date"] = stamp(store.clock())
    elif state == "OPEN":
        values["closed_date"] = None


def create_note(store: HubSpotStore, query, body) -> Answer:
    """POST /crm/v3/objects/notes."""
    store.ticket_schema.check_note(_body(body)["properties"])
    return _made(store, "notes", body)


def pipelines(store: HubSpotStore, query, body) -> Answer:
    """GET /crm/v3/pipelines/tickets."""
    return 200, {"results": store.ticket_schema.listed()}


def properties(store: HubSpotStore, query, body) -> Answer:
    """GET /crm/v3/properties/tickets."""
    return 200, {"results": list(store.ticket_schema.properties.values())}


def owners(store: HubSpotStore, query, body) -> Answer:
    """GET /crm/v3/owners (?email= matches the address exactly, case aside)."""
    email = (query.get("email") or [""])[0].casefold()
    found = [o for o in store.owners.values() if not o["archived"]]
    if email:
        found = [o for o in found if o["email"].casefold() == email]
    return 200, {"results": found[: int((query.get("limit") or ["100"])[0])]}


Handler = Callable[..., Answer]
TICKET_ROUTES: list[tuple[str, re.Pattern[str], Handler]] = [
    ("POST", re.compile(r"/crm/v3/objects/(?:tickets|0-5)"), create_ticket),
    ("PATCH", re.compile(r"/crm/v3/objects/(?:tickets|0-5)/(\d+)"), update_ticket),
    ("POST", re.compile(r"/crm/v3/objects/(?:notes|0-46)"), create_note),
    ("GET", re.compile(r"/crm/v3/pipelines/tickets"), pipelines),
    ("GET", re.compile(r"/crm/v3/properties/tickets"), properties),
    ("GET", re.compile(r"/crm/v3/owners/?"), owners),
]
