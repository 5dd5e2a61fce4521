"""The fake HubSpot's data: CRM records, owners, v4 associations, deal pipelines, the account.

Kept as HubSpot keeps them (developers.hubspot.com: CRM objects, associations v4 and its
association type tables, owners v3, pipelines v3, account info v3): every property value a
string, records with createdAt/updatedAt/archived, hs_object_id/createdate/hs_lastmodifieddate
set by HubSpot, hs_is_closed computed from the deal stage's isClosed metadata, and each
association stored in both directions with HubSpot's type ids (company→contact 280, primary
2; company→deal 342, primary 6; and their inverses 279/1, 341/5).
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.harness.fake_hubspot_ticket_schema import TicketSchema

PORTAL_ID = 24681357
TYPE_IDS = {
    "0-1": "contacts", "0-2": "companies", "0-3": "deals", "0-5": "tickets", "0-46": "notes",
}  # fmt: skip
SINGULAR = {
    "contact": "contacts", "company": "companies", "deal": "deals", "ticket": "tickets",
    "note": "notes",
}  # fmt: skip
# (from, to): (unlabeled, primary) HubSpot-defined association type ids (None: no primary).
TYPES: dict[tuple[str, str], tuple[int, int | None]] = {
    ("companies", "contacts"): (280, 2),
    ("contacts", "companies"): (279, 1),
    ("companies", "deals"): (342, 6),
    ("deals", "companies"): (341, 5),
    ("tickets", "contacts"): (16, None),
    ("contacts", "tickets"): (15, None),
    ("tickets", "companies"): (339, 26),
    ("companies", "tickets"): (340, 25),
    ("notes", "tickets"): (228, None),
    ("tickets", "notes"): (227, None),
}
# HubSpot's default sales pipeline: (id, label, probability, closed).
DEFAULT_STAGES = [
    ("appointmentscheduled", "Appointment Scheduled", "0.2", False),
    ("qualifiedtobuy", "Qualified To Buy", "0.4", False),
    ("presentationscheduled", "Presentation Scheduled", "0.6", False),
    ("decisionmakerboughtin", "Decision Maker Bought-In", "0.8", False),
    ("contractsent", "Contract Sent", "0.9", False),
    ("closedwon", "Closed Won", "1.0", True),
    ("closedlost", "Closed Lost", "0.0", True),
]


class Refusal(Exception):
    """An answer other than 2xx, with HubSpot's error body."""

    def __init__(self, status: int, category: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {
            "status": "error",
            "message": message,
            "correlationId": str(uuid.uuid4()),
            "category": category,
            **extra,
        }


def stamp(when: datetime) -> str:
    """HubSpot's timestamps: ISO 8601 in UTC with milliseconds and a Z."""
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class HubSpotStore:
    """Records by type and id, owners by id, associations by (type, id, to type)."""

    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    records: dict[str, dict[str, dict[str, Any]]] = field(
        default_factory=lambda: {kind: {} for kind in SINGULAR.values()}
    )
    owners: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[tuple[str, str, str], dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    stages: list[tuple[str, str, str, bool]] = field(default_factory=lambda: list(DEFAULT_STAGES))
    ui_domain: str = "app.hubspot.com"
    # Ticket pipelines and properties (fake_hubspot_ticket_schema, which needs Refusal from here).
    ticket_schema: TicketSchema = field(default_factory=lambda: _ticket_schema())
    _ids: itertools.count = field(default_factory=lambda: itertools.count(5001))

    def _add(self, kind: str, properties: dict[str, Any]) -> str:
        record_id = str(next(self._ids))
        now = stamp(self.clock())
        values = {k: None if v is None else str(v) for k, v in properties.items()}
        values |= {"hs_object_id": record_id, "createdate": now, "hs_lastmodifieddate": now}
        self.records[kind][record_id] = {
            "id": record_id, "properties": values,
            "createdAt": now, "updatedAt": now, "archived": False,
        }  # fmt: skip
        return record_id

    def create(self, kind: str, properties: dict[str, str]) -> str:
        """A record made through the API (HubSpot sets its id and dates); its id."""
        return self._add(kind, properties)

    def add_company(self, name: str, domain: str | None = None, owner: str | None = None) -> str:
        """A company; `owner` is an owner id (hubspot_owner_id)."""
        return self._add("companies", {"name": name, "domain": domain, "hubspot_owner_id": owner})

    def add_contact(
        self, first: str, last: str, email: str | None = None, phone: str | None = None
    ) -> str:
        """A contact."""
        props = {"firstname": first, "lastname": last, "email": email, "phone": phone}
        return self._add("contacts", props)

    def add_deal(self, name: str, stage: str, amount: str | int | None = None) -> str:
        """A deal in the default pipeline; HubSpot sets hs_is_closed from the stage."""
        closed = next(s[3] for s in self.stages if s[0] == stage)
        props = {"dealname": name, "dealstage": stage, "pipeline": "default", "amount": amount}
        return self._add("deals", props | {"hs_is_closed": "true" if closed else "false"})

    def add_owner(self, first: str, last: str, email: str) -> str:
        """An owner (a HubSpot user who can own records)."""
        owner_id = str(next(self._ids) + 90000000)
        now = stamp(self.clock())
        self.owners[owner_id] = {
            "id": owner_id, "email": email, "type": "PERSON", "firstName": first,
            "lastName": last, "userId": int(owner_id) + 1, "createdAt": now,
            "updatedAt": now, "archived": False, "teams": [],
        }  # fmt: skip
        return owner_id

    def associate(
        self,
        kind: str,
        record_id: str,
        to_kind: str,
        to_id: str,
        primary: bool = False,
        label: tuple[int, str] | None = None,
    ) -> None:
        """Associate two records both ways: unlabeled always, plus HubSpot's primary type and
        an account-defined label (typeId, label: category USER_DEFINED) when given."""
        both = ((kind, record_id, to_kind, to_id), (to_kind, to_id, kind, record_id))
        for a, a_id, b, b_id in both:
            unlabeled, primary_id = TYPES[(a, b)]
            types = [{"category": "HUBSPOT_DEFINED", "typeId": unlabeled, "label": None}]
            if primary and primary_id is not None:
                primary_type = {"category": "HUBSPOT_DEFINED", "typeId": primary_id}
                types.append(primary_type | {"label": "Primary"})
            if label is not None:
                types.append({"category": "USER_DEFINED", "typeId": label[0], "label": label[1]})
            self.links.setdefault((a, a_id, b), {})[b_id] = types

    def change(self, kind: str, record_id: str, properties: dict[str, str]) -> dict[str, Any]:
        """Set properties ("" clears one) and move hs_lastmodifieddate and updatedAt."""
        record = self.records[kind][record_id]
        now = stamp(self.clock())
        record["properties"] |= {k: (v or None) for k, v in properties.items()}
        record["properties"]["hs_lastmodifieddate"] = now
        record["updatedAt"] = now
        return record

    def archive(self, kind: str, record_id: str) -> None:
        """Archive a record (HubSpot's delete): reads and searches no longer find it."""
        self.records[kind][record_id]["archived"] = True

    def live(self, kind: str) -> list[dict[str, Any]]:
        """The records of a kind that are not archived, oldest first."""
        return [r for r in self.records[kind].values() if not r["archived"]]

    def pipelines(self) -> list[dict[str, Any]]:
        """The deal pipelines as GET /crm/v3/pipelines/deals lists them."""
        epoch = "1970-01-01T00:00:00Z"  # HubSpot's default pipeline has createdAt 0
        stages = [
            {"id": sid, "label": label, "displayOrder": order, "archived": False,
             "metadata": {"isClosed": "true" if closed else "false", "probability": chance},
             "createdAt": epoch, "updatedAt": epoch}
            for order, (sid, label, chance, closed) in enumerate(self.stages)
        ]  # fmt: skip
        return [{"id": "default", "label": "Sales Pipeline", "displayOrder": 0, "stages": stages,
                 "archived": False, "createdAt": epoch, "updatedAt": epoch}]  # fmt: skip

    def details(self) -> dict[str, Any]:
        """GET /account-info/v3/details."""
        return {
            "portalId": PORTAL_ID, "accountType": "STANDARD", "timeZone": "US/Eastern",
            "companyCurrency": "USD", "additionalCurrencies": [], "utcOffset": "-05:00",
            "utcOffsetMilliseconds": -18000000, "uiDomain": self.ui_domain,
            "dataHostingLocation": "na1",
        }  # fmt: skip


def _ticket_schema() -> TicketSchema:
    # Imported here: that module imports Refusal from this one.
    from tests.harness.fake_hubspot_ticket_schema import TicketSchema

    return TicketSchema()
