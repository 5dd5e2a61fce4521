"""The fake HubSpot's webhooks: its tickets' changes as HubSpot's events, signed and POSTed.

Written from HubSpot's webhooks documentation (developers.hubspot.com: webhooks API payloads,
"Validating requests"): a POST to the app's target URL whose body is a JSON array of events
({"eventId", "subscriptionId", "portalId", "appId", "occurredAt", "subscriptionType",
"attemptNumber", "objectId", "changeSource", "propertyName", "propertyValue", ...}), signed
with X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp, and, for compatibility, the v1
X-HubSpot-Signature with X-HubSpot-Signature-Version: v1.

`changes()` compares the store's tickets with what was last sent and makes the events the
app's subscriptions (services.clients.hubspot.webhook_events.SUBSCRIBED) would bring: a new
ticket, a subscribed property changed, an association to a contact or company, an archive.
Whoever changed it (a person in HubSpot, the bot through the API) an event follows, as in
HubSpot; a test drops events to play a webhook HubSpot never delivered.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp.test_utils import TestClient

from services.clients.hubspot.webhook_signature import (
    SIGNATURE,
    SIGNATURE_V1,
    TIMESTAMP,
    VERSION,
    sign,
    sign_v1,
    stamp,
)
from tests.harness.fake_hubspot_store import PORTAL_ID, HubSpotStore

CLIENT_SECRET = "8c3f5a1e-9b2d-4c7f-a6e0-3d1b5f9c2e47"  # the fake app's client secret
APP_ID = 4213377
PROPERTIES = ("hs_pipeline_stage", "hs_ticket_priority", "hubspot_owner_id")
PATH = "/api/webhooks/hubspot"
ASSOCIATION_TYPES = {"contacts": "TICKET_TO_CONTACT", "companies": "TICKET_TO_COMPANY"}


@dataclass
class HubSpotWebhooks:
    """The app's webhook subscriptions on a fake HubSpot's store."""

    store: HubSpotStore
    secret: str = CLIENT_SECRET
    _sent: dict[str, dict[str, Any]] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(7_300_000_001))

    def changes(self) -> list[dict[str, Any]]:
        """The events for what changed in the store's tickets since the last call."""
        events: list[dict[str, Any]] = []
        for ticket_id, record in self.store.records.get("tickets", {}).items():
            now = _seen(self.store, ticket_id, record)
            before = self._sent.get(ticket_id)
            if before is None:
                if not record["archived"]:
                    events.append(self.event("ticket.creation", ticket_id, changeFlag="CREATED"))
            elif record["archived"] and not before["archived"]:
                events.append(self.event("ticket.deletion", ticket_id, changeFlag="DELETED"))
            else:
                events += self._changed(ticket_id, before, now)
            self._sent[ticket_id] = now
        return events

    def _changed(self, ticket_id: str, before: dict, now: dict) -> list[dict[str, Any]]:
        events = [
            self.event("ticket.propertyChange", ticket_id, propertyName=name, propertyValue=value)
            for name, value in now["properties"].items()
            if value != before["properties"].get(name)
        ]
        for kind, association in ASSOCIATION_TYPES.items():
            for linked in sorted(set(now[kind]) - set(before[kind])):
                events.append(
                    self.event(
                        "ticket.associationChange",
                        ticket_id,
                        associationType=association,
                        fromObjectId=int(ticket_id),
                        toObjectId=int(linked),
                        associationRemoved=False,
                    )
                )
        return events

    def event(self, subscription: str, ticket_id: str, **extra: Any) -> dict[str, Any]:
        """One event as HubSpot sends it, about ticket `ticket_id`, occurring now."""
        occurred = int(self.store.clock().timestamp() * 1000)
        return {
            "eventId": next(self._ids),
            "subscriptionId": 2417856,
            "portalId": PORTAL_ID,
            "appId": APP_ID,
            "occurredAt": occurred,
            "subscriptionType": subscription,
            "attemptNumber": 0,
            "objectId": int(ticket_id),
            "changeSource": "CRM_UI",
            **extra,
        }

    async def post(
        self,
        client: TestClient,
        events: list[dict[str, Any]],
        *,
        secret: str | None = None,
        signed_at: datetime | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        """POST `events` to the bot signed as HubSpot signs; (status, answer)."""
        body = json.dumps(events).encode()
        if headers is None:
            headers = self.signed(str(client.make_url(PATH)), body, secret, signed_at)
        response = await client.post(
            PATH, data=body, headers={**headers, "Content-Type": "application/json"}
        )
        return response.status, await response.json()

    def signed(
        self, uri: str, body: bytes, secret: str | None = None, at: datetime | None = None
    ) -> dict[str, str]:
        """The signature headers HubSpot sends with a webhook request to `uri`."""
        key, moment = secret or self.secret, stamp(at or self.store.clock())
        return {
            SIGNATURE: sign(key, "POST", uri, body, moment),
            TIMESTAMP: moment,
            SIGNATURE_V1: sign_v1(key, body),
            VERSION: "v1",
        }


def _seen(store: HubSpotStore, ticket_id: str, record: dict[str, Any]) -> dict[str, Any]:
    """What the subscriptions watch of one ticket: its properties, associations, archive."""
    props = record["properties"]
    return {
        "archived": record["archived"],
        "properties": {name: props.get(name) for name in PROPERTIES},
        "contacts": list(store.links.get(("tickets", ticket_id, "contacts"), {})),
        "companies": list(store.links.get(("tickets", ticket_id, "companies"), {})),
    }
