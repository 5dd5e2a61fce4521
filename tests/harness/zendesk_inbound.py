"""A desk whose system of record is the fake Zendesk, and the webhooks Zendesk would sign.

BestPack with `system_of_record = "zendesk"` and a [zendesk] section mapping the serial number
and machine model to two of the fake's custom fields; Kevin is a Zendesk agent too.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from services.clients.zendesk.webhook_signature import SIGNATURE, TIMESTAMP, sign
from services.settings import Settings
from tests.harness.connector import FakeConnector, Sent
from tests.harness.desk import Desk
from tests.harness.fake_zendesk import FakeZendesk
from tests.harness.fake_zendesk_client import WEBHOOK_SECRET
from tests.harness.zendesk_desk import deliver, on_zendesk

PATH = "/api/webhooks/zendesk"


@dataclass
class ZendeskDesk:
    """The running bot, the fake Zendesk it uses, and Kevin's agent id there."""

    desk: Desk
    zendesk: FakeZendesk
    kevin_agent: int

    async def poke(
        self,
        ticket_id: int,
        kind: str = "comment_added",
        *,
        event_id: str | None = None,
        secret: str = WEBHOOK_SECRET,
        signed_at: datetime | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any, list[Sent]]:
        """Post one ticket event as Zendesk signs it; (status, answer, what the bot sent)."""
        body = event_body(ticket_id, kind, event_id or uuid.uuid4().hex)
        stamp = (signed_at or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        if headers is None:
            headers = {SIGNATURE: sign(secret, stamp, body), TIMESTAMP: stamp}
        mark = len(self.desk.connector.sent)
        response = await self.desk.client.post(
            PATH, data=body, headers={**headers, "Content-Type": "application/json"}
        )
        return response.status, await response.json(), self.desk.connector.since(mark)

    def mailed_in(self, subject: str = "Case sealer jams", body: str = "") -> int:
        """Dana at Acme e-mails support; the new Zendesk ticket's id."""
        text = body or "Our case sealer jams every 20 cases since Monday."
        return self.zendesk.store.mailed_in("Dana Lee", "dana@acme.example", subject, text)["id"]

    def set_by_the_api_user(self, ticket_id: int, **values: Any) -> None:
        """Change a Zendesk ticket as the bot's API user would (so not news to the bot)."""
        self.zendesk.store.update_ticket(ticket_id, values, self.zendesk.api_user)

    async def sent_out(self) -> None:
        """Let the sync queue carry the bot's changes to Zendesk (pumped by hand here)."""
        await deliver(self.desk)


def event_body(ticket_id: int, kind: str, event_id: str) -> bytes:
    """A ticket event in Zendesk's 2022-11-06 envelope."""
    envelope = {
        "type": f"zen:event-type:ticket.{kind}",
        "account_id": 10001,
        "id": event_id,
        "time": datetime.now(UTC).isoformat(),
        "zendesk_event_version": "2022-11-06",
        "subject": f"zen:ticket:{ticket_id}",
        "detail": {"id": str(ticket_id)},
        "event": {},
    }
    return json.dumps(envelope).encode()


def stale() -> datetime:
    """A signature time outside the webhook's freshness window."""
    return datetime.now(UTC) - timedelta(minutes=10)


@asynccontextmanager
async def zendesk_desk(
    settings: Settings, connector: FakeConnector, folder: Path
) -> AsyncIterator[ZendeskDesk]:
    """The bot on BestPack with Zendesk as its system of record, the fake listening."""
    zendesk = FakeZendesk()
    await zendesk.start()
    # The same Zendesk desk as the outbound stories (tests.harness.zendesk_desk): its fields,
    # Kevin and Mary as agents, the sync worker pumped by the test (`sent_out`).
    on = on_zendesk(settings, folder, zendesk)
    kevin = zendesk.store.user_by_email("kevin@bestpack.example")
    assert kevin is not None
    desk = Desk(on, connector)
    await desk.start()
    try:
        yield ZendeskDesk(desk, zendesk, kevin["id"])
    finally:
        await desk.close()
        await zendesk.close()
