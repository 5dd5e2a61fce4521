"""What happens in the Kinetic desk's HubSpot, and the webhooks HubSpot sends the bot about it.

HubSpot logs a ticket from every e-mail to support, tied to the sender's contact and company;
a person in HubSpot moves its stage; each change reaches the bot as a signed webhook (the
fake's HubSpotWebhooks), or, when HubSpot never sends it, only through the catch-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tests.harness.connector import Sent
from tests.harness.desk import Desk
from tests.harness.fake_hubspot import FakeHubSpot
from tests.harness.fake_hubspot_webhooks import HubSpotWebhooks
from tests.harness.hubspot_desk import Account, deliver
from tests.harness.hubspot_profile import PIPELINE, STAGES
from tests.harness.sync import Clock


@dataclass
class Inbound:
    """The running bot, the fake HubSpot it keeps its tickets in, and HubSpot's webhooks."""

    desk: Desk
    hubspot: FakeHubSpot
    account: Account
    webhooks: HubSpotWebhooks
    clock: Clock  # the app's and HubSpot's

    async def sent_out(self) -> None:
        """Let the sync queue carry the bot's changes to HubSpot (pumped by hand here)."""
        await deliver(self.desk, self.clock)

    def mailed_in(
        self, subject: str, body: str, priority: str | None = None, *, tied: bool = True
    ) -> str:
        """Dana at Acme Analytics e-mails support: HubSpot logs a ticket in the pipeline's
        first stage, tied to her contact and her company (unless not `tied` yet); its id."""
        store = self.hubspot.store
        props = {
            "subject": subject,
            "content": body,
            "hs_pipeline": PIPELINE,
            "hs_pipeline_stage": STAGES["new"][0],
            "source_type": "EMAIL",
        }
        if priority:
            props["hs_ticket_priority"] = priority
        ticket_id = store.create("tickets", props)
        if tied:
            self.tie(ticket_id)
        return ticket_id

    def tie(self, ticket_id: str) -> None:
        """HubSpot associates the ticket with Dana's contact and her company."""
        store = self.hubspot.store
        store.associate("tickets", ticket_id, "contacts", self.account.contact)
        store.associate("tickets", ticket_id, "companies", self.account.company, primary=True)

    def moved(self, ticket_id: str, status_key: str) -> None:
        """A person moves the ticket to the stage of the profile's `status_key` in HubSpot."""
        self.hubspot.store.change(
            "tickets", ticket_id, {"hs_pipeline_stage": STAGES[status_key][0]}
        )

    def stage_of(self, ticket_id: str) -> str | None:
        """The ticket's stage in HubSpot."""
        return self.hubspot.store.records["tickets"][ticket_id]["properties"]["hs_pipeline_stage"]

    async def sends(
        self,
        events: list[dict[str, Any]] | None = None,
        *,
        secret: str | None = None,
        signed_at: datetime | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any, list[Sent]]:
        """HubSpot posts `events` (else the events of what changed since it last did); the
        bot's (status, answer) and what it sent to Teams meanwhile."""
        batch = self.webhooks.changes() if events is None else events
        mark = len(self.desk.connector.sent)
        status, answer = await self.webhooks.post(
            self.desk.client, batch, secret=secret, signed_at=signed_at, headers=headers
        )
        return status, answer, self.desk.connector.since(mark)

    def stale(self) -> datetime:
        """A signing time outside the five minutes HubSpot's signatures stay good."""
        return self.clock() - timedelta(minutes=6)
