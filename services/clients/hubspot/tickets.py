"""HubSpot tickets and their notes: create, read, update, find by the bot's number, notes, and
the contact and company a new ticket is associated with.

Written from HubSpot's CRM tickets, notes, search and associations v4 references. Every
property value goes as a string; associations use HubSpot's defined type ids (its table of
association types, v4): ticket→contact 16, ticket→primary company 26 (HubSpot adds the
unlabeled 339 with it), note→ticket 228, contact→primary company 1.

The sync worker makes these calls and waits out the account's ten-secondly 429 itself,
durably and for every ticket at once, so the calls HubSpot counts against that limit get no
patience: its 429 comes straight back as HubSpotRateLimited. Searches are counted apart (their
own per-second limit, paced here by the client): a search waits a few seconds for its slot
inside the call rather than hold every ticket's changes back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from services.clients.hubspot.api import HubSpotApi
from services.clients.hubspot.crm import Crm
from services.clients.hubspot.models import CrmObject

TICKET_TO_CONTACT = 16
TICKET_TO_PRIMARY_COMPANY = 26
NOTE_TO_TICKET = 228
CONTACT_TO_PRIMARY_COMPANY = 1
NO_WAIT = 0.0
SEARCH_PATIENCE = 5.0  # well inside the worker's send timeout (SYNC_SEND_TIMEOUT_SECONDS)
TICKETS, NOTES = "/crm/v3/objects/tickets", "/crm/v3/objects/notes"
NOTES_READ = 100  # how far back a retried note is looked for


@dataclass(frozen=True)
class Link:
    """An association a new record gets: the other record's id and HubSpot's type id."""

    to_id: str
    type_id: int

    def body(self) -> dict[str, Any]:
        """As HubSpot's create endpoints take it."""
        kind = {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": self.type_id}
        return {"to": {"id": self.to_id}, "types": [kind]}


class Tickets:
    """POST/GET/PATCH /crm/v3/objects/tickets, ticket search, and notes on a ticket."""

    def __init__(self, api: HubSpotApi, crm: Crm) -> None:
        self._api, self._crm = api, crm

    async def create(self, properties: Mapping[str, str], links: Sequence[Link]) -> CrmObject:
        """A new ticket with these properties and associations."""
        body = {"properties": dict(properties), "associations": [x.body() for x in links]}
        answer = await self._api.call("POST", TICKETS, body=body, patience=NO_WAIT)
        return CrmObject.model_validate(answer)

    async def read(self, ticket_id: str, properties: tuple[str, ...]) -> CrmObject | None:
        """One ticket with these properties; None when HubSpot has none with that id."""
        return await self._crm.read("tickets", ticket_id, properties, patience=NO_WAIT)

    async def update(self, ticket_id: str, properties: Mapping[str, str]) -> CrmObject:
        """PATCH the properties given ("" clears one); HubSpotRejected 404 when it is gone."""
        path = f"{TICKETS}/{_id(ticket_id)}"
        body = {"properties": dict(properties)}
        answer = await self._api.call("PATCH", path, body=body, patience=NO_WAIT)
        return CrmObject.model_validate(answer)

    async def numbered(self, prop: str, number: str) -> list[CrmObject]:
        """The tickets whose `prop` is `number`, oldest first (HubSpot indexes a new ticket for
        search within seconds, so one filed a moment ago may be missing)."""
        body = {
            "filterGroups": _equals(prop, number),
            "properties": [prop],
            "sorts": [{"propertyName": "createdate", "direction": "ASCENDING"}],
            "limit": 10,
        }
        return (await self._crm.search("tickets", body, patience=SEARCH_PATIENCE)).results

    async def add_note(self, ticket_id: str, body: str, at: datetime) -> CrmObject:
        """A note on the ticket's timeline (hs_note_body is HTML), dated `at`."""
        # HubSpot takes Unix milliseconds or UTC in ISO 8601 ("...Z").
        when = at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        properties = {"hs_note_body": body, "hs_timestamp": when}
        links = [Link(_id(ticket_id), NOTE_TO_TICKET).body()]
        payload = {"properties": properties, "associations": links}
        answer = await self._api.call("POST", NOTES, body=payload, patience=NO_WAIT)
        return CrmObject.model_validate(answer)

    async def note_bodies(self, ticket_id: str) -> set[str]:
        """The bodies of the ticket's notes (the newest NOTES_READ), to drop a repeat."""
        found = await self._crm.associations(
            "tickets", ticket_id, "notes", most=NOTES_READ, patience=NO_WAIT
        )
        ids = [a.to_id for a in found]
        notes = await self._crm.batch_read("notes", ids, ("hs_note_body",), patience=NO_WAIT)
        return {body.strip() for n in notes if (body := n.get("hs_note_body"))}

    async def contact_by_email(self, email: str) -> CrmObject | None:
        """The contact with this e-mail (HubSpot keeps one per address), if any."""
        body = {"filterGroups": _equals("email", email), "properties": ["email"], "limit": 1}
        page = await self._crm.search("contacts", body, patience=SEARCH_PATIENCE)
        return page.results[0] if page.results else None

    async def primary_company_of(self, contact_id: str) -> str | None:
        """The id of the contact's primary company, if it has one."""
        found = await self._crm.associations("contacts", contact_id, "companies", patience=NO_WAIT)
        primary = (a for a in found if CONTACT_TO_PRIMARY_COMPANY in {t.type_id for t in a.types})
        return next((a.to_id for a in primary), None)


def _equals(prop: str, value: str) -> list[dict[str, Any]]:
    """The filter groups of a search for records whose `prop` is `value`."""
    return [{"filters": [{"propertyName": prop, "operator": "EQ", "value": value}]}]


def _id(value: str) -> str:
    # Record ids are numeric; anything else would change the path.
    text = str(value).strip()
    if not text.isascii() or not text.isdigit():
        raise ValueError(f"not a HubSpot id: {value!r}")
    return text
